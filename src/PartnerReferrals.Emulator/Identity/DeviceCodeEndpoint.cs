using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>
/// <c>POST /{tenant}/oauth2/v2.0/devicecode</c>: starts a device-code sign-in. MSAL reads user_code, device_code,
/// verification_uri, expires_in, interval and message, shows the message, then polls the token endpoint every
/// <c>interval</c> seconds. The interval is 1 s so tests spend little time polling.
/// </summary>
internal sealed class DeviceCodeEndpoint(EmulatorState state)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public async Task HandleAsync(HttpContext context)
    {
        var tenant = context.Request.RouteValues["tenant"] as string;
        try
        {
            if (!TenantSegment.IsKnown(tenant))
            {
                throw new AadErrorException(TenantSegment.Unknown(tenant));
            }

            var form = await SignInForms.ReadAsync(context).ConfigureAwait(false);
            var clientId = SignInForms.Required(form, "client_id");
            var scope = form["scope"].ToString();
            ScopeSet.Parse(scope, appOnly: false); // refuse unknown resources now, as AAD does, not at the first poll
            var grant = state.SignIns.AddDeviceCode(clientId, scope, Lifetime);
            var verification = new Uri(state.BaseAddress, "devicelogin").ToString();
            await TokenResponseWriter.WriteAsync(context, new JsonObject
            {
                ["user_code"] = grant.UserCode,
                ["device_code"] = grant.DeviceCode,
                ["verification_uri"] = verification,
                ["expires_in"] = (long)Lifetime.TotalSeconds,
                ["interval"] = 1,
                ["message"] = $"To sign in, use a web browser to open the page {verification} and enter the code {grant.UserCode} to authenticate. " +
                    "(Emulator: the code is also approved automatically.)",
            }).ConfigureAwait(false);
        }
        catch (AadErrorException e)
        {
            await e.Error.WriteAsync(context).ConfigureAwait(false);
        }
    }
}
