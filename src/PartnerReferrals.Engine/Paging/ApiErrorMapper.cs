using System;
using System.Globalization;
using System.Net;
using System.Text.Json;
using PartnerReferrals.Engine.Http;
using PartnerReferrals.Engine.SignIn;

namespace PartnerReferrals.Engine.Paging;

/// <summary>
/// Turns a non-success answer into an error that says what to do. Reads the documented body
/// (<c>{"code","description","data","source"}</c>), the throttling body (<c>{"statusCode","message"}</c>) and the
/// Referrals API's (<c>{"error":{"code","message","target","innerError"}}</c>, API-COSELL.md §4.5),
/// tolerating anything else. Server text may echo a request: the error masks any secret in it.
/// </summary>
internal static class ApiErrorMapper
{
    public static PartnerReferralsException Map(HttpStatusCode statusCode, ReadOnlyMemory<byte> body, Uri? url, string? requestId, string? correlationId, int attempts, RefusedWait? refused = null, ApiSurface surface = ApiSurface.Analytics)
    {
        var status = (int)statusCode;
        var (code, description) = ReadBody(body);
        var detail = string.IsNullOrWhiteSpace(description) ? string.Empty : " The API said: " + description!.Trim().TrimEnd('.') + ".";
        var (id, kind, what, action) = MfaCheck.IsRefusal(status, code, description) ? MfaCheck.Refusal()
            : (surface == ApiSurface.CoSell ? CoSell.CoSellErrors.OfStatus(status, url) : null) ?? MapStatus(status, url, attempts, refused);

        return new PartnerReferralsException(id, kind, what + detail, action, url)
        {
            HttpStatus = status,
            ApiCode = code,
            RequestId = requestId,
            CorrelationId = correlationId,
        };
    }

    private static (string Id, ErrorKind Kind, string What, string Action) MapStatus(int status, Uri? url, int attempts, RefusedWait? refused) =>
        status switch
        {
            429 or >= 500 when refused is not null => (
                status == 429 ? "PartnerReferrals.Api.Throttled" : "PartnerReferrals.Api.ServerError",
                status == 429 ? ErrorKind.LimitsExceeded : ErrorKind.ResourceUnavailable,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "Partner Center answered {0} and asked to wait {1:N0} seconds before retrying (Retry-After), longer than the {2:N0} seconds left of the {3:N0}-second retry budget, so the request was not retried (after {4} attempts).",
                    status,
                    Math.Ceiling(refused.Asked.TotalSeconds),
                    Math.Max(0, Math.Floor(refused.Left.TotalSeconds)),
                    refused.Budget.TotalSeconds,
                    attempts),
                string.Format(
                    CultureInfo.InvariantCulture,
                    "Wait {0:N0} seconds and run the command again, or raise the retry budget: set $env:{1} = {2} before Connect-PartnerReferrals.",
                    Math.Ceiling(refused.Asked.TotalSeconds),
                    RefusedWait.BudgetVariable,
                    Math.Ceiling(refused.Asked.TotalSeconds) + 60)),
            401 => ("PartnerReferrals.Auth.Unauthorized", ErrorKind.AuthenticationError,
                "Partner Center did not accept the access token, even after it was renewed.",
                "Sign in again with Connect-PartnerReferrals."),
            403 => ("PartnerReferrals.Api.Forbidden", ErrorKind.PermissionDenied,
                "Partner Center refused access to referrals analytics.",
                "Sign in with an account that holds a Partner Center role able to read referrals (such as Admin agent or Referrals admin); make sure the app registration has the 'Microsoft Partner Center' API permission (user_impersonation) with consent; and use a delegated (app+user) token: app-only tokens are not accepted."),
            400 => ("PartnerReferrals.Api.BadRequest", ErrorKind.InvalidArgument,
                "Partner Center rejected the query.",
                "Correct the query (-Filter, -GroupBy, -AggregationLevel, -PageSize) as the API's description says."),
            404 => ("PartnerReferrals.Api.NotFound", ErrorKind.ObjectNotFound,
                "The referrals analytics endpoint was not found at " + url?.GetLeftPart(UriPartial.Path) + ".",
                "Check -Environment, or -BaseUrl for a custom environment."),
            429 => ("PartnerReferrals.Api.Throttled", ErrorKind.LimitsExceeded,
                string.Format(CultureInfo.InvariantCulture, "Partner Center throttled the request and still did after {0} attempts.", attempts),
                "Wait a few minutes and run the command again, or narrow the query with -Filter or a smaller date range."),
            408 => ("PartnerReferrals.Api.Timeout", ErrorKind.OperationTimeout,
                string.Format(CultureInfo.InvariantCulture, "Partner Center timed out on the request, {0} times.", attempts),
                "Try again later, or use a smaller -PageSize."),
            >= 500 => ("PartnerReferrals.Api.ServerError", ErrorKind.ResourceUnavailable,
                string.Format(CultureInfo.InvariantCulture, "Partner Center failed with {0} and was retried {1} times.", status, Math.Max(0, attempts - 1)),
                "Try again later; if it persists, give Partner Center support the MS-RequestId and MS-CorrelationId."),
            _ => ("PartnerReferrals.Api.Error", ErrorKind.InvalidOperation,
                "Partner Center answered with an error.",
                "Check the command's parameters; if they are right, give Partner Center support the MS-RequestId."),
        };

    private static (string? Code, string? Description) ReadBody(ReadOnlyMemory<byte> body)
    {
        if (body.Length == 0)
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            string? code = null;
            string? description = null;
            var root = document.RootElement;
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                root = error;
            }

            foreach (var property in root.EnumerateObject())
            {
                var name = property.Name;
                if (name.Equals("code", StringComparison.OrdinalIgnoreCase) || (code is null && name.Equals("statusCode", StringComparison.OrdinalIgnoreCase)))
                {
                    code = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                }
                else if (name.Equals("description", StringComparison.OrdinalIgnoreCase) || (description is null && name.Equals("message", StringComparison.OrdinalIgnoreCase)))
                {
                    description = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                }
            }

            return (code, description);
        }
        catch (JsonException)
        {
            // An HTML error page from a proxy or gateway: the status alone has to do.
            return (null, null);
        }
    }
}
