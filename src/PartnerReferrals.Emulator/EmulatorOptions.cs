using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;

namespace PartnerReferrals.Emulator;

/// <summary>How an emulator instance starts: its data, its port, its sign-in rules and its initial faults.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Rows generated when no <see cref="DataFile"/> is given.</summary>
    public int ReferralCount { get; set; } = 1000;

    /// <summary>Seed of the data generator and of the fault dice: same seed, same run.</summary>
    public int Seed { get; set; } = 7;

    /// <summary>
    /// Where generated data ends: the newest referral is created at this moment (cut to the second) and no date lies
    /// after it. Null (the default) means the moment the emulator starts, so "recent" queries find rows on any day;
    /// set it to get the same dates in every run. Rows from a <see cref="DataFile"/> keep their own dates.
    /// </summary>
    public DateTimeOffset? AsOf { get; set; }

    /// <summary>A JSON array of referral objects or a CSV file whose header holds the API field names.</summary>
    public string? DataFile { get; set; }

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Lifetime of issued access tokens unless <see cref="FaultSettings.TokenLifetimeOverride"/> is set.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long an issued refresh token can be redeemed (Entra: 90 days). Each redemption issues a new one with its
    /// own lifetime; the old one stays valid until it expires, then gets AADSTS700082.
    /// </summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Whether user sign-ins count as multi-factor: their access tokens carry <c>amr</c> ["pwd","mfa"], or ["pwd"]
    /// when false. Tokens redeemed from a refresh token keep the methods of the sign-in that issued it, as in Entra.
    /// </summary>
    public bool SignInWithMfa { get; set; } = true;

    /// <summary>
    /// When true, the referrals API refuses a user token without "mfa" in its <c>amr</c> claim with 401 and code
    /// 900421, as Partner Center does for app+user calls since its 2026 MFA enforcement.
    /// </summary>
    public bool RequireMfa { get; set; }

    /// <summary>Token polls answered <c>authorization_pending</c> before a device code is approved.</summary>
    public int DeviceCodePendingPolls { get; set; } = 1;

    /// <summary>The secret confidential clients must present.</summary>
    public string ClientSecret { get; set; } = "emulator-client-secret";

    /// <summary>Certificates whose keys may sign client assertions, besides one sent in the assertion's x5c header.</summary>
    public IList<X509Certificate2> ClientCertificates { get; } = new List<X509Certificate2>();

    /// <summary>
    /// When true, <c>/authorize</c> shows a one-button sign-in page instead of redirecting at once (for people
    /// using the emulator from a browser); a request can also ask for it with <c>emulator_page=1</c>.
    /// </summary>
    public bool ShowSignInPage { get; set; }

    /// <summary>Where to write the discovery file (emulator.json); null writes nothing.</summary>
    public string? PublishFile { get; set; }

    /// <summary>A PFX to load, or to create and keep; null generates a certificate in memory.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>
    /// The command line stops when this process exits, so a script or test that dies never leaves an emulator behind.
    /// </summary>
    public int? ParentProcessId { get; set; }

    /// <summary>A change of the data while clients page through it (rows inserted, deleted or moved), or null.</summary>
    public DataShift? Shift { get; set; }

    /// <summary>
    /// A file that gets one line per referrals request (received time in ISO 8601 and on the monotonic clock in milliseconds, status, path and query), so a
    /// test in another process can see what the emulator saw (e.g. whether requests overlapped); null writes none.
    /// </summary>
    public string? RequestLogFile { get; set; }

    /// <summary>Co-sell referrals (the Referrals API, /v1.0/engagements/referrals) to generate from <see cref="Seed"/>.</summary>
    public int CoSellReferralCount { get; set; } = 300;

    /// <summary>The signed-in user's Referrals role: an Admin sees and changes all, a User sees the referrals whose team has them, None is refused (403).</summary>
    public CoSellRole CoSellRole { get; set; } = CoSellRole.Admin;

    /// <summary>Lets a Referrals User update the referrals whose team has them (choice 14); by default a User only reads.</summary>
    public bool CoSellUserMayUpdate { get; set; }

    /// <summary>
    /// How far the Referrals API's clock is ahead of the real one (choice 25): incoming New referrals older than 14
    /// days on that clock are Closed/Expired when read. Also moved at run time with <c>POST /emulator/cosell/clock</c>.
    /// </summary>
    public TimeSpan CoSellClockOffset { get; set; }

    /// <summary>The faults switched on at start.</summary>
    public FaultSettings Faults { get; set; } = new();
}
