using System;
using System.Collections.Generic;
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

    private static readonly string[] LoggedHeaders =
        [CorrelationHeaders.RequestId, CorrelationHeaders.CorrelationId, CorrelationHeaders.Application, "User-Agent"];

    public async Task HandleAsync(HttpContext context)
    {
        CorrelationHeaders.Apply(context, state.ServerId);
        var record = Record(context.Request);
        if (await InjectFaultAsync(context, record).ConfigureAwait(false))
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

    private static RecordedRequest Record(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in LoggedHeaders)
        {
            if (request.Headers.TryGetValue(name, out var value))
            {
                headers[name] = value.ToString();
            }
        }

        return new RecordedRequest(request.Path + request.QueryString, headers, DateTimeOffset.UtcNow);
    }

    private async Task<bool> InjectFaultAsync(HttpContext context, RecordedRequest record)
    {
        var faults = state.Faults;
        if (faults.Latency > TimeSpan.Zero)
        {
            record.Fault = "latency";
            await Task.Delay(faults.Latency, context.RequestAborted).ConfigureAwait(false);
        }

        if (state.Dice.Roll(faults.DropConnectionRatio))
        {
            record.Fault = "drop";
            state.Requests.Add(record);
            context.Abort();
            return true;
        }

        if (state.Dice.Roll(faults.ThrottleRatio))
        {
            record.Fault = "throttle";
            var seconds = faults.RetryAfterSeconds;
            context.Response.Headers.RetryAfter = faults.RetryAfterAsDate
                ? DateTimeOffset.UtcNow.AddSeconds(seconds).ToString("r", System.Globalization.CultureInfo.InvariantCulture)
                : seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            record.StatusCode = StatusCodes.Status429TooManyRequests;
            state.Requests.Add(record);
            await ApiErrors.WriteThrottledAsync(context, seconds).ConfigureAwait(false);
            return true;
        }

        if (state.Dice.Roll(faults.ServerErrorRatio))
        {
            record.Fault = "server-error";
            var status = state.Dice.CoinFlip() ? StatusCodes.Status500InternalServerError : StatusCodes.Status503ServiceUnavailable;
            await RejectAsync(context, record, status, status == 500
                ? "An internal error occurred (injected by the emulator)."
                : "The service is temporarily unavailable (injected by the emulator).").ConfigureAwait(false);
            return true;
        }

        return false;
    }

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
