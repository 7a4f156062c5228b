using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>The API's documented error bodies.</summary>
internal static class ApiErrors
{
    /// <summary>
    /// Validation errors use the code of the documented example (3000); the documents give no other codes, so
    /// every other error carries its HTTP status as its code (our choice).
    /// </summary>
    public const int InvalidInputCode = 3000;

    // Partner Center's MFA enforcement for app+user calls (announced for 2026-04-01, rolled out from 2026-06-08):
    // a token without an MFA claim gets 401 with error code 900421, as Microsoft's announcement and partners'
    // reports of it say. Before that, the SDK surfaced "Unauthorized - MFA required" / "Authentication failed. MFA
    // required. (10001)" (Partner-Center-PowerShell and Partner-Center-DotNet-Samples issues). No source shows the
    // whole body, so it is the API's documented error body with that code and a description naming MFA.
    public const int MfaRequiredCode = 900421;

    public const string MfaRequiredDescription =
        "Authentication failed. MFA required: the access token has no 'mfa' in its amr claim. Partner Center refuses app+user calls " +
        "without multi-factor authentication; sign in again with MFA.";

    /// <summary><c>{"code":..,"description":"..","data":[],"source":"PartnerFD"}</c>.</summary>
    public static Task WriteAsync(HttpContext context, int status, int code, string description)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("code", code);
            writer.WriteString("description", description);
            writer.WriteStartArray("data");
            writer.WriteEndArray();
            writer.WriteString("source", "PartnerFD");
            writer.WriteEndObject();
        }

        return context.Response.Body.WriteAsync(buffer.WrittenMemory).AsTask();
    }

    /// <summary>The throttling body differs from the others: <c>{"statusCode":429,"message":"Rate limit is exceeded. ..."}</c>.</summary>
    public static Task WriteThrottledAsync(HttpContext context, int retryAfterSeconds)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = JsonSerializer.SerializeToUtf8Bytes(new ThrottledBody(429, $"Rate limit is exceeded. Try again in {retryAfterSeconds} seconds."));
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    private sealed record ThrottledBody(
        [property: System.Text.Json.Serialization.JsonPropertyName("statusCode")] int StatusCode,
        [property: System.Text.Json.Serialization.JsonPropertyName("message")] string Message);
}
