using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>
/// The steps every Referrals API request goes through, in order: correlation headers, injected faults (shared
/// with the analytics API), the bearer token (audience https://api.partner.microsoft.com, user tokens only:
/// choice 15), a Referrals role (choice 15), then the handler. A refusal is the §4.5 error body; every answer is recorded with its method.
/// </summary>
internal sealed class CoSellPipeline(EmulatorState state)
{
    public async Task RunAsync(HttpContext context, Func<HttpContext, Task<CoSellResponse>> handler)
    {
        CorrelationHeaders.Apply(context, state.ServerId);
        context.Response.Headers["Request-ID"] = Guid.NewGuid().ToString();
        if (context.Request.Headers.TryGetValue("client-request-id", out var clientRequestId))
        {
            context.Response.Headers["client-request-id"] = clientRequestId;
        }

        var record = RecordedRequest.From(context.Request);
        if (await FaultStep.InjectAsync(context, state, record, CoSellErrorBody.WriteFaultAsync).ConfigureAwait(false))
        {
            return;
        }

        CoSellResponse response;
        try
        {
            Authenticate(context);
            state.CoSellAccess.DemandRole();
            response = await handler(context).ConfigureAwait(false);
        }
        catch (CoSellApiException e)
        {
            record.StatusCode = e.Status;
            state.Requests.Add(record);
            await CoSellErrorBody.WriteAsync(context, e).ConfigureAwait(false);
            return;
        }

        // --truncate: a read's body cut in the middle, as a proxy that drops the connection leaves it.
        var truncate = response.Body is not null && HttpMethods.IsGet(context.Request.Method) && state.Dice.Roll(state.Faults.TruncateBodyRatio);
        record.Fault = truncate ? "truncate" : record.Fault;
        record.StatusCode = response.Status;
        state.Requests.Add(record);
        context.Response.StatusCode = response.Status;
        if (response.ETag is not null)
        {
            context.Response.Headers.ETag = response.ETag;
        }

        if (response.Location is not null)
        {
            context.Response.Headers.Location = response.Location;
        }

        if (response.Body is null)
        {
            context.Response.ContentLength = 0;
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = response.Body.Length;
        if (!truncate)
        {
            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await context.Response.Body.WriteAsync(response.Body.AsMemory(0, response.Body.Length / 2), context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        context.Abort();
    }

    private void Authenticate(HttpContext context)
    {
        var check = state.Tokens.Check(context.Request.Headers.Authorization, EmulatedIdentity.CoSellAudience);
        if (check == AccessCheck.Allowed)
        {
            return;
        }

        context.Response.Headers.WWWAuthenticate = check == AccessCheck.Missing ? "Bearer" : "Bearer error=\"invalid_token\"";
        throw new CoSellApiException(401, "unauthenticated", check switch
        {
            AccessCheck.WrongAudience => $"The access token is not for the Referrals API: its audience must be {EmulatedIdentity.CoSellAudience} (a token for {EmulatedIdentity.Audience} is for the analytics API).",
            AccessCheck.AppOnly => "App-only tokens are not accepted: the Referrals API supports user access only (app + user).",
            AccessCheck.MfaRequired => ApiErrors.MfaRequiredDescription,
            AccessCheck.Missing => $"Authentication required: send Authorization: Bearer <access token for {EmulatedIdentity.CoSellAudience}>.",
            AccessCheck.Expired => "The access token has expired: acquire a new one.",
            _ => "The access token is not accepted (malformed, not yet valid, or not issued by this emulator instance).",
        }, "Authorization");
    }
}
