using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using PartnerReferrals.Engine.CoSell;
using PartnerReferrals.Engine.Http;
using PartnerReferrals.Models;
using PartnerReferrals.Engine.Paging;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Engine.Sessions;

/// <summary>
/// A signed-in connection to one API: its single HttpClient (created once, reused by every operation),
/// the token provider behind it and the context to show. Connect-PartnerReferrals creates one and makes it
/// current; tests construct one directly around a fake handler or the emulator.
/// </summary>
public sealed class PartnerReferralsSession : IDisposable
{
    private readonly PageFetcher fetcher;
    private readonly IDisposable? owned;
    private readonly TokenExpiryTracker tracker;
    private readonly CoSellAccess? coSellAccess;
    private CoSellClient? coSellClient;

    /// <param name="baseUrl">The API root, e.g. <c>https://api.partnercenter.microsoft.com</c>.</param>
    /// <param name="tokens">Where bearer tokens come from.</param>
    /// <param name="context">What Get-PartnerReferralsContext shows; never a token.</param>
    /// <param name="options">Pipeline tuning; copied.</param>
    /// <param name="networkHandler">The innermost handler (tests pass a fake); a proxy-aware, optionally pinned one when null.</param>
    /// <param name="pin">The emulator's certificate pin, for the default network handler.</param>
    /// <param name="owned">Disposed with the session (e.g. the sign-in client's resources).</param>
    /// <param name="coSell">The way to the Referrals (co-sell) API, or why there is none; null: not connected to it.</param>
    public PartnerReferralsSession(
        Uri baseUrl,
        IAccessTokenProvider tokens,
        PartnerReferralsContext? context = null,
        PartnerReferralsOptions? options = null,
        HttpMessageHandler? networkHandler = null,
        CertificatePin? pin = null,
        IDisposable? owned = null,
        CoSellAccess? coSell = null)
    {
        if (baseUrl is null)
        {
            throw new ArgumentNullException(nameof(baseUrl));
        }

        Tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        tracker = new TokenExpiryTracker(tokens);
        Options = options?.Clone() ?? new PartnerReferralsOptions();
        AnalyticsBase = AnalyticsBaseOf(baseUrl);
        Context = context ?? new PartnerReferralsContext { BaseUrl = baseUrl.ToString() };
        CanRenewToken = !string.Equals(Context.SignInMethod, nameof(SignInMethod.AccessToken), StringComparison.OrdinalIgnoreCase);
        Client = HttpPipeline.CreateClient(tracker, Options, networkHandler ?? HttpPipeline.CreateNetworkHandler(Options, pin));
        fetcher = new PageFetcher(Client, Options);
        this.owned = owned;
        coSellAccess = coSell;
    }

    /// <summary>
    /// The Referrals (co-sell) API over this session's pipeline, with tokens of its own audience. Throws at once,
    /// before any request, where the session cannot reach it (a cloud without the API, an -AccessToken for the analytics API).
    /// </summary>
    public CoSellClient CoSell()
    {
        var access = coSellAccess ?? throw CoSellErrors.NotConnected();
        access.Demand();
        return coSellClient ??= new CoSellClient(Client, Options, access);
    }

    /// <summary>The context as of sign-in; <see cref="CurrentContext()"/> is what Get-PartnerReferralsContext shows.</summary>
    public PartnerReferralsContext Context { get; }

    /// <summary>
    /// Whether the module can get a new token when this one expires: yes when it signed in (MSAL renews silently
    /// from the refresh token it holds), no for an access token passed in with -AccessToken.
    /// </summary>
    public bool CanRenewToken { get; }

    /// <summary>What Get-PartnerReferralsContext shows now.</summary>
    public PartnerReferralsContext CurrentContext() => CurrentContext(DateTimeOffset.UtcNow);

    /// <summary>A copy of the context with the expiry of the token in use now, renewed or not.</summary>
    public PartnerReferralsContext CurrentContext(DateTimeOffset now)
    {
        var expiresOn = tracker.LatestExpiresOn ?? Context.TokenExpiresOn;
        return new PartnerReferralsContext
        {
            Account = Context.Account,
            TenantId = Context.TenantId,
            ClientId = Context.ClientId,
            Environment = Context.Environment,
            BaseUrl = Context.BaseUrl,
            Proxy = Context.Proxy,
            SignInMethod = Context.SignInMethod,
            ContextScope = Context.ContextScope,
            TokenExpiresOn = expiresOn,
            TokenExpired = expiresOn is { } end && end <= now,
            TokenRenewable = CanRenewToken,
        };
    }

    /// <summary><c>{baseUrl}/partner/v1/analytics/</c>: relative next links resolve against it.</summary>
    public Uri AnalyticsBase { get; }

    public PartnerReferralsOptions Options { get; }

    public IAccessTokenProvider Tokens { get; }

    /// <summary>The refresh tokens the sign-in's responses carried (the newest one wins); null for -AccessToken and for sessions built without MSAL.</summary>
    internal SignIn.RefreshTokenCapture? RefreshTokens { get; init; }

    internal HttpClient Client { get; }

    /// <summary>A new operation (one cmdlet call): its own correlation id, its trace lines to <paramref name="output"/>.</summary>
    public OperationContext NewOperation(Hosting.IEngineHost? output) => new(output, Options.MaxConcurrency);

    /// <summary>
    /// Most rows the first request of a referral pull asks for, when the pull wants more than a page: the first
    /// row then follows a 1,000-row page (about 0.8 MB) rather than a 10,000-row one; the pages after it are full.
    /// Summaries are read whole, so they keep full pages.
    /// </summary>
    public const int FirstPageRows = 1000;

    public IAsyncEnumerable<Referral> GetReferralsAsync(ReferralQuery query, OperationContext operation, PagingListener? listener = null, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var streamer = new PageStreamer<Referral>(fetcher, AnalyticsBase, ReferralPageReader.ReadReferrals, r => r.Id, FirstPageRows);
        return streamer.StreamAsync(query, operation ?? NewOperation(null), listener, cancellationToken);
    }

    /// <summary>Grouped rows; not de-duplicated (groups have no id, and two equal-looking groups are distinct buckets).</summary>
    public IAsyncEnumerable<ReferralGroup> GetGroupsAsync(ReferralQuery query, OperationContext operation, PagingListener? listener = null, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var groupBy = string.Join(",", query.GroupBy);
        var streamer = new PageStreamer<ReferralGroup>(fetcher, AnalyticsBase, (body, expectedRows) => ReferralPageReader.ReadGroups(body, groupBy, query.AggregationLevel, expectedRows), null);
        return streamer.StreamAsync(query, operation ?? NewOperation(null), listener, cancellationToken);
    }

    public void Dispose()
    {
        Client.Dispose();
        owned?.Dispose();
    }

    private static Uri AnalyticsBaseOf(Uri baseUrl)
    {
        var text = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (!text.EndsWith("/partner/v1/analytics", StringComparison.OrdinalIgnoreCase))
        {
            text += "/partner/v1/analytics";
        }

        return new Uri(text + "/");
    }
}
