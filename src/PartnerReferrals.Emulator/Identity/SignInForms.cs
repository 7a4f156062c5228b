using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>Reading the form posts of the sign-in endpoints.</summary>
internal static class SignInForms
{
    public static async Task<IFormCollection> ReadAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            throw new AadErrorException(AadError.InvalidRequest(900144, "The request body must be application/x-www-form-urlencoded."));
        }

        try
        {
            return await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw new AadErrorException(AadError.InvalidRequest(900144, "The request body could not be read: " + e.Message));
        }
    }

    public static string Required(IFormCollection form, string name) =>
        form[name].ToString() is { Length: > 0 } value
            ? value
            : throw new AadErrorException(AadError.InvalidRequest(900144, $"The request body must contain the following parameter: '{name}'."));
}
