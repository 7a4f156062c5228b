using System;
using System.Globalization;
using System.IO;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Parses the emulator's arguments (<c>--name value</c> or <c>--name=value</c>). Defaults differ from the in-process
/// host: the certificate is kept between runs (so a pinned thumbprint stays valid), the address is published
/// where the module looks for it, and people signing in with a browser see a sign-in page. Relative file paths
/// are made absolute against the folder the emulator was started in (which is the caller's folder under
/// <c>dotnet run</c> too: the project sets EnableDefaultRunWorkingDirectory to false).
/// </summary>
internal static class EmulatorCommandLine
{
    public const string Usage = """
        Usage: PartnerReferrals.Emulator [options]
          --referrals <n>           rows to generate (default 1000)
          --seed <n>                data and fault seed (default 7)
          --as-of <date>            generated data ends at this UTC date or time (ISO 8601, e.g. 2026-06-30 or
                                    2026-06-30T12:00:00Z); default: the start time, so recent queries find rows
          --data <file>             load rows from a JSON array or CSV file instead of generating them
          --port <n>                port on 127.0.0.1 (default 0: a free port)
          --token-lifetime <s>      access token lifetime in seconds (default 3600)
          --refresh-token-lifetime <s>  refresh token lifetime in seconds (default 7776000, 90 days); each use issues
                                    a new one and the old one stays valid until it expires (then AADSTS700082)
          --no-mfa                  sign-ins count as password only: tokens carry amr ["pwd"] (default ["pwd","mfa"])
          --require-mfa             the referrals API refuses tokens without "mfa" in amr (401, code 900421)
          --latency <ms>            delay added to every request to either referrals API (analytics, co-sell)
          --throttle <ratio>        share of requests answered 429 (0..1)
          --server-errors <ratio>   share of requests answered 500/503 (0..1)
          --drop <ratio>            share of connections dropped (0..1)
          --truncate <ratio>        share of analytics pages and co-sell reads cut in the middle (0..1)
          --retry-after <s>         the delay a 429 asks for, in seconds (default 1)
          --retry-after-date        send Retry-After as an HTTP date instead of seconds
          --no-total-count          leave the total out of pages: TotalCount (analytics) and @odata.count (co-sell, even
                                    when $count=true asks for it); clients must follow next links
          --cycle-next-link <n>     page n's next link points back at the first page (links go round)
          --shift <kind:rows@n>     after n data requests insert, delete or move rows (e.g. insert:25000@4)
          --fail-after <n>          after n analytics data requests answer every one with --fail-status
          --fail-status <code>      the status of those failures (default 500)
          --request-log <file>      append a line per request to either referrals API, tab-separated: received time,
                                    monotonic ms, status, path and query, method, If-Match, Prefer, MS-RequestId,
                                    MS-CorrelationId
          --cosell-referrals <n>    co-sell referrals (Referrals API, /v1.0/engagements/referrals) to generate (default 300, at most 100000)
          --cosell-role <role>      the signed-in user's Referrals role: Admin (default; sees and changes all), User
                                    (sees only referrals whose team has them; may not create or update) or None
                                    (no Referrals role: every Referrals API request is 403 accessDenied, choice 15)
          --cosell-user-may-update  a Referrals User may update the referrals whose team has them (choice 14)
          --cosell-clock-offset <days>  the Referrals API's clock runs this many days ahead (expiry hook, choice 25);
                                    at run time: POST /emulator/cosell/clock?advanceDays=<n>
          --publish <file>          where to write emulator.json (default $PARTNERREFERRALS_EMULATOR_FILE or LocalApplicationData)
          --parent-process-id <pid> stop (and remove the published file) when process <pid> exits
          --help                    show this text
        """;

    /// <summary>The options to start with, or null when help was asked for.</summary>
    public static EmulatorOptions? Parse(string[] args)
    {
        var options = new EmulatorOptions
        {
            CertificateFile = EmulatorPaths.CertificateFile,
            PublishFile = EmulatorPaths.PublishFile,
            ShowSignInPage = true,
        };
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            if (name is "--help" or "-h" or "-?" or "/?")
            {
                return null;
            }

            string Value() => inlineValue ?? (i + 1 < args.Length ? args[++i] : throw new CommandLineException($"{name}: a value is missing."));

            switch (name)
            {
                case "--referrals": options.ReferralCount = Integer(name, Value(), 0, 50_000_000); break;
                case "--seed": options.Seed = Integer(name, Value(), int.MinValue, int.MaxValue); break;
                case "--port": options.Port = Integer(name, Value(), 0, 65535); break;
                case "--as-of": options.AsOf = Date(name, Value()); break;
                case "--data": options.DataFile = ExistingFile(name, Value()); break;
                case "--token-lifetime": options.TokenLifetime = TimeSpan.FromSeconds(Integer(name, Value(), 1, 86_400 * 30)); break;
                case "--refresh-token-lifetime": options.RefreshTokenLifetime = TimeSpan.FromSeconds(Integer(name, Value(), 1, 86_400 * 3650)); break;
                case "--no-mfa": options.SignInWithMfa = false; break;
                case "--require-mfa": options.RequireMfa = true; break;
                case "--latency": options.Faults.Latency = TimeSpan.FromMilliseconds(Integer(name, Value(), 0, 600_000)); break;
                case "--throttle": options.Faults.ThrottleRatio = Ratio(name, Value()); break;
                case "--server-errors": options.Faults.ServerErrorRatio = Ratio(name, Value()); break;
                case "--drop": options.Faults.DropConnectionRatio = Ratio(name, Value()); break;
                case "--truncate": options.Faults.TruncateBodyRatio = Ratio(name, Value()); break;
                case "--cosell-referrals": options.CoSellReferralCount = Integer(name, Value(), 0, 100_000); break;
                case "--cosell-role": options.CoSellRole = Role(name, Value()); break;
                case "--cosell-user-may-update": options.CoSellUserMayUpdate = true; break;
                case "--cosell-clock-offset": options.CoSellClockOffset = TimeSpan.FromDays(Integer(name, Value(), 0, 3650)); break;
                case "--publish": options.PublishFile = FullPath(name, Value()); break;
                case "--request-log": options.RequestLogFile = FullPath(name, Value()); break;
                case "--parent-process-id": options.ParentProcessId = Integer(name, Value(), 1, int.MaxValue); break;
                case "--retry-after": options.Faults.RetryAfterSeconds = Integer(name, Value(), 0, 86_400); break;
                case "--retry-after-date": options.Faults.RetryAfterAsDate = true; break;
                case "--no-total-count": options.Faults.OmitTotalCount = true; break;
                case "--cycle-next-link": options.Faults.CycleNextLinkAtPage = Integer(name, Value(), 1, int.MaxValue); break;
                case "--shift": options.Shift = Shift(name, Value()); break;
                case "--fail-after": options.Faults.FailAfterRequests = Integer(name, Value(), 0, int.MaxValue); break;
                case "--fail-status": options.Faults.FailStatus = Integer(name, Value(), 400, 599); break;
                default: throw new CommandLineException($"{args[i]}: unknown argument (see --help).");
            }
        }

        return options;
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 2
            ? (arg[..equals].ToLowerInvariant(), arg[(equals + 1)..])
            : (arg.ToLowerInvariant(), null);
    }

    private static int Integer(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new CommandLineException($"{name}: '{text}' is not a whole number from {min} to {max}.");

    private static CoSellRole Role(string name, string text) =>
        Enum.TryParse<CoSellRole>(text, ignoreCase: true, out var role) && Enum.IsDefined(role) && !char.IsAsciiDigit(text.Trim()[0])
            ? role
            : throw new CommandLineException($"{name}: '{text}' is not a Referrals role: Admin, User or None.");

    private static double Ratio(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new CommandLineException($"{name}: '{text}' is not a ratio from 0 to 1 (e.g. 0.1).");

    private static DataShift Shift(string name, string text)
    {
        try
        {
            return DataShift.Parse(text);
        }
        catch (FormatException e)
        {
            throw new CommandLineException($"{name}: {e.Message}");
        }
    }

    // ISO 8601 only, so a date means the same in every culture; without a zone it is UTC. The data reaches back
    // about eight and a half years and dates are kept from 1970 to 2106, hence the range.
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private static DateTimeOffset Date(string name, string text) =>
        DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
        && value.UtcDateTime.Year is >= 1980 and <= 2100
            ? value
            : throw new CommandLineException($"{name}: '{text}' is not an ISO 8601 date from 1980 to 2100 (e.g. 2026-06-30 or 2026-06-30T12:00:00Z).");

    private static string ExistingFile(string name, string path) =>
        File.Exists(path) ? Path.GetFullPath(path) : throw new CommandLineException($"{name}: the file '{path}' does not exist.");

    private static string FullPath(string name, string text) =>
        text.Trim().Length > 0 ? Path.GetFullPath(text) : throw new CommandLineException($"{name}: the value is empty.");
}
