using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PartnerReferrals.Emulator;

/// <summary>
/// <c>GET /partner/v1/analytics/referrals</c>. Order of work: correlation headers, injected faults (they stand for
/// the gateway in front of the service, so they strike before authentication), the bearer token, the query,
/// then the page. Every rejection uses the documented error body.
/// </summary>
internal sealed class ReferralsEndpoint(EmulatorState state)
{
    public const string Path = "/partner/v1/analytics/referrals";

    public async Task HandleAsync(HttpContext context)
    {
        CorrelationHeaders.Apply(context, state.ServerId);
        var record = RecordedRequest.From(context.Request);
        if (await FaultStep.InjectAsync(context, state, record, WriteErrorAsync).ConfigureAwait(false))
        {
            return;
        }

        switch (state.Tokens.Check(context.Request.Headers.Authorization))
        {
            case AccessCheck.Allowed:
                break;
            case AccessCheck.AppOnly:
                await RejectAsync(context, record, StatusCodes.Status403Forbidden,
                    "App-only tokens are not accepted by this API: sign in as a user (app + user authentication).").ConfigureAwait(false);
                return;
            case AccessCheck.MfaRequired:
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"" + ApiErrors.MfaRequiredDescription + "\"";
                await RejectAsync(context, record, StatusCodes.Status401Unauthorized, ApiErrors.MfaRequiredDescription, ApiErrors.MfaRequiredCode).ConfigureAwait(false);
                return;
            case var failure:
                context.Response.Headers.WWWAuthenticate = failure == AccessCheck.Missing
                    ? "Bearer"
                    : "Bearer error=\"invalid_token\", error_description=\"" + Describe(failure) + "\"";
                await RejectAsync(context, record, StatusCodes.Status401Unauthorized, Describe(failure)).ConfigureAwait(false);
                return;
        }

        ReferralQuery query;
        try
        {
            query = ReferralQuery.Parse(context.Request.Query);
        }
        catch (ReferralQueryException e)
        {
            await RejectAsync(context, record, StatusCodes.Status400BadRequest, e.Message, ApiErrors.InvalidInputCode).ConfigureAwait(false);
            return;
        }

        var faults = state.Faults;
        if (state.NextDataRequest() is var number && faults.FailAfterRequests >= 0 && number > faults.FailAfterRequests)
        {
            record.Fault = "fail-after";
            await RejectAsync(context, record, faults.FailStatus, "The request failed (injected by the emulator after " + faults.FailAfterRequests + " requests).").ConfigureAwait(false);
            return;
        }

        var result = state.Queries.Execute(query);
        var nextLink = NextLinkBuilder.Build(context.Request.QueryString.Value ?? string.Empty, query.Skip, query.Top, result.Count, faults.CycleNextLinkAtPage);
        context.Response.ContentType = "application/json; charset=utf-8";
        if (state.Dice.Roll(faults.TruncateBodyRatio))
        {
            await SendTruncatedAsync(context, record, result, query, nextLink).ConfigureAwait(false);
            return;
        }

        record.StatusCode = StatusCodes.Status200OK;
        state.Requests.Add(record);
        await PageWriter.WriteAsync(context.Response.BodyWriter, PageWriter.FlushOf(context.Response, context.RequestAborted),
            result, query.Skip, query.Top, nextLink, context.RequestAborted, !faults.OmitTotalCount).ConfigureAwait(false);
    }

    // The analytics API's 429 has its own body; its other errors use the documented one with the status as code.
    private Task WriteErrorAsync(HttpContext context, int status, string message) => status == StatusCodes.Status429TooManyRequests
        ? ApiErrors.WriteThrottledAsync(context, state.Faults.RetryAfterSeconds)
        : ApiErrors.WriteAsync(context, status, status, message);

    private async Task SendTruncatedAsync(HttpContext context, RecordedRequest record, QueryResult result, ReferralQuery query, string? nextLink)
    {
        record.Fault = "truncate";
        record.StatusCode = StatusCodes.Status200OK;
        state.Requests.Add(record);
        var body = await PageWriter.RenderAsync(result, query.Skip, query.Top, nextLink, !state.Faults.OmitTotalCount).ConfigureAwait(false);
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body[..(body.Length / 2)], context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        context.Abort();
    }

    private Task RejectAsync(HttpContext context, RecordedRequest record, int status, string description, int? code = null)
    {
        record.StatusCode = status;
        state.Requests.Add(record);
        return ApiErrors.WriteAsync(context, status, code ?? status, description);
    }

    private static string Describe(AccessCheck failure) => failure switch
    {
        AccessCheck.Missing => "Authentication required: send Authorization: Bearer <access token>.",
        AccessCheck.Malformed => "The Authorization header is not a bearer token in JWT form.",
        AccessCheck.BadSignature => "The access token's signature is invalid (was it issued by this emulator instance?).",
        AccessCheck.WrongAudience => "The access token is not for https://api.partnercenter.microsoft.com.",
        AccessCheck.Expired => "The access token has expired: acquire a new one.",
        AccessCheck.NotYetValid => "The access token is not valid yet.",
        _ => "The access token is not accepted.",
    };
}
