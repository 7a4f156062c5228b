using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>Writes the Referrals API's error body (API-COSELL.md §4.5, §5.1).</summary>
internal static class CoSellErrorBody
{
    public static Task WriteAsync(HttpContext context, CoSellApiException error)
    {
        var body = new JsonObject { ["code"] = error.Code, ["message"] = error.Message };
        if (error.Target is not null)
        {
            body["target"] = error.Target;
        }

        if (error.InnerCode is not null)
        {
            body["innerError"] = new JsonObject { ["code"] = error.InnerCode, ["message"] = error.InnerMessage };
        }

        context.Response.StatusCode = error.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.Body.WriteAsync(CoSellJson.Bytes(new JsonObject { ["error"] = body })).AsTask();
    }

    /// <summary>An injected fault's body: 429 and 503 as serviceNotAvailable, 500 as generalException.</summary>
    public static Task WriteFaultAsync(HttpContext context, int status, string message) =>
        WriteAsync(context, new CoSellApiException(status, status == StatusCodes.Status500InternalServerError ? "generalException" : "serviceNotAvailable", message));
}
