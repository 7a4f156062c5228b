using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Http;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.CoSell;

/// <summary>
/// The writes of the Referrals API (PATCH an item, POST the collection), sent through the reader's client and so
/// through the session's one pipeline (the co-sell audience's token, correlation, tracing, and the retry handler,
/// which repeats a write only where that cannot do it twice: <see cref="RetryPolicy.MayRepeat"/>).
/// </summary>
internal sealed class CoSellWriter
{
    private static readonly HttpMethod Patch = new("PATCH");

    private readonly CoSellClient client;
    private readonly PartnerReferralsSession session;

    private CoSellWriter(PartnerReferralsSession session)
    {
        this.session = session;
        client = session.CoSell();
    }

    public static CoSellWriter For(PartnerReferralsSession session) => new(session);

    public Task<CoSellReferral> ReadAsync(string id, IEngineHost output, CancellationToken cancellationToken) =>
        client.GetByIdAsync(id, session.NewOperation(output), cancellationToken);

    public async Task<CoSellReferral?> UpdateAsync(ReferralUpdate update, bool returnReferral, IEngineHost output, CancellationToken cancellationToken)
    {
        var state = update.State;
        if (!update.HasChanges)
        {
            return returnReferral ? await ReadAsync(state.Id, output, cancellationToken).ConfigureAwait(false) : null;
        }

        var operation = session.NewOperation(output);
        using var request = new HttpRequestMessage(Patch, client.ReferralUrl(state.Id)) { Content = JsonBody(update.Patch.ToUtf8Json()) };
        if (state.ETag is { } eTag)
        {
            request.Headers.TryAddWithoutValidation("If-Match", eTag);
        }

        if (returnReferral)
        {
            request.Headers.TryAddWithoutValidation("Prefer", "return=representation");
        }

        operation.Verbose("Updating the " + state.Label + ": " + string.Join(", ", update.Patch.Paths) + (state.ETag is null ? " (no eTag known: unconditional)" : " if its eTag is still " + state.ETag) + ".");
        using var response = await client.SendAsync(request, operation, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status == 412)
        {
            return await AfterConflictAsync(update, RetryHandler.AttemptsOf(request), returnReferral, output, cancellationToken).ConfigureAwait(false);
        }

        if (!response.IsSuccessStatusCode)
        {
            var apiError = await client.ErrorOfAsync(response, request, operation).ConfigureAwait(false);
            throw CoSellWriteErrors.Refused(status, apiError.Problem, state, request.RequestUri) ?? apiError;
        }

        if (!returnReferral)
        {
            return null;
        }

        // 200 with the referral (Prefer honoured); a service that answers 204 anyway is read back.
        return status == 204
            ? await ReadAsync(state.Id, output, cancellationToken).ConfigureAwait(false)
            : await CoSellClient.ReadReferralAsync(response).ConfigureAwait(false);
    }

    public async Task<CoSellReferral> CreateAsync(NewReferralRequest referral, IEngineHost output, CancellationToken cancellationToken)
    {
        var operation = session.NewOperation(output);
        using var request = new HttpRequestMessage(HttpMethod.Post, client.CollectionUrl) { Content = JsonBody(referral.ToUtf8Json()) };
        operation.Verbose("Creating the referral '" + referral.Name + "' for " + referral.CustomerName + ".");
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, operation, cancellationToken).ConfigureAwait(false);
        }
        catch (PartnerReferralsException lost) when (lost.Kind is ErrorKind.ConnectionError or ErrorKind.OperationTimeout)
        {
            throw CoSellWriteErrors.OutcomeUnknown(referral, lost);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is 500 or 502 or 504)
            {
                throw CoSellWriteErrors.OutcomeUnknown(referral, await client.ErrorOfAsync(response, request, operation).ConfigureAwait(false));
            }

            if (!response.IsSuccessStatusCode)
            {
                var apiError = await client.ErrorOfAsync(response, request, operation).ConfigureAwait(false);
                throw CoSellWriteErrors.Refused(status, apiError.Problem, null, request.RequestUri) ?? apiError;
            }

            return await CoSellClient.ReadReferralAsync(response).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A 412. After a repeat (the connection dropped once the update had gone out) the eTag may be the one our own
    /// first attempt made: the referral is read, and when it holds every value asked for, the update took effect.
    /// Otherwise someone else changed it, and nothing of ours was written.
    /// </summary>
    private async Task<CoSellReferral?> AfterConflictAsync(ReferralUpdate update, int attempts, bool returnReferral, IEngineHost output, CancellationToken cancellationToken)
    {
        if (attempts > 1)
        {
            var now = await ReadAsync(update.State.Id, output, cancellationToken).ConfigureAwait(false);
            if (update.Change.IsIn(ReferralState.Of(now)))
            {
                output.WriteVerbose("The update of the " + update.State.Label + " was sent again after the connection dropped, and was refused as already applied: the referral holds every value asked for.");
                return returnReferral ? now : null;
            }
        }

        throw CoSellWriteErrors.Conflict(update.State);
    }

    private static ByteArrayContent JsonBody(byte[] json)
    {
        // application/json, as the documents' examples send (API-COSELL.md §1.4); the emulator also takes json-patch+json.
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
