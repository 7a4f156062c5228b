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
