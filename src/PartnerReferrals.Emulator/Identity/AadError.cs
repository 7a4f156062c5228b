using System;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>
/// An OAuth error as Azure AD writes it: <c>{"error","error_description":"AADSTSnnnn: ...","error_codes":[n],
/// "timestamp","trace_id","correlation_id"}</c>. MSAL turns <c>error</c> into <c>MsalServiceException.ErrorCode</c>
/// and keeps polling on <c>authorization_pending</c>.
/// </summary>
internal sealed record AadError(int Status, string Error, int Code, string Message)
{
    public static AadError InvalidRequest(int code, string message) => new(400, "invalid_request", code, message);

    public static AadError InvalidGrant(int code, string message) => new(400, "invalid_grant", code, message);

    public static AadError InvalidClient(int code, string message) => new(401, "invalid_client", code, message);

    public static AadError InvalidScope(int code, string message) => new(400, "invalid_scope", code, message);

    public static AadError Pending() => new(400, "authorization_pending", 70016,
        "OAuth 2.0 device flow error. Authorization is pending. Continue polling.");

    public Task WriteAsync(HttpContext context)
    {
        var now = DateTimeOffset.UtcNow;
        var traceId = Guid.NewGuid().ToString();
        var correlationId = context.Request.Headers["client-request-id"].ToString() is { Length: > 0 and <= 64 } sent && Guid.TryParse(sent, out _)
            ? sent
            : Guid.NewGuid().ToString();
        var timestamp = now.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        context.Response.StatusCode = Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store, no-cache";
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            error = Error,
            error_description = $"AADSTS{Code}: {Message} Trace ID: {traceId} Correlation ID: {correlationId} Timestamp: {timestamp}",
            error_codes = new[] { Code },
            timestamp,
            trace_id = traceId,
            correlation_id = correlationId,
            error_uri = $"https://login.microsoftonline.com/error?code={Code}",
        });
        return context.Response.Body.WriteAsync(body).AsTask();
    }
}

/// <summary>Thrown inside the sign-in handlers to answer with an AAD error.</summary>
internal sealed class AadErrorException(AadError error) : Exception(error.Message)
{
    public AadError Error => error;
}
