using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>
/// <c>GET /devicelogin</c>: the verification page a device-code message points people to. Entering a code
/// approves it at once; codes are also approved automatically after a few polls.
/// </summary>
internal sealed class DeviceLoginPage(EmulatorState state)
{
    public Task HandleAsync(HttpContext context)
    {
        var userCode = context.Request.Query["user_code"].ToString().Trim();
        if (userCode.Length == 0)
        {
            return SignInPages.WriteAsync(context, StatusCodes.Status200OK, "Enter code",
                "<form method=\"get\"><input name=\"user_code\" autofocus> <button type=\"submit\">Next</button></form>");
        }

        var grant = state.SignIns.FindDeviceCodeByUserCode(userCode);
        if (grant is null)
        {
            return SignInPages.WriteAsync(context, StatusCodes.Status400BadRequest, "Enter code",
                $"<p>The code {WebUtility.HtmlEncode(userCode)} is not known or has expired.</p>");
        }

        grant.Approved = true;
        return SignInPages.WriteAsync(context, StatusCodes.Status200OK, "Signed in",
            $"<p>{EmulatedIdentity.DisplayName} is signed in on the device. You can close this window.</p>");
    }
}
