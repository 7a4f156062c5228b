using System;
using System.Threading;

namespace PartnerReferrals.Emulator;

/// <summary>Everything the endpoints of one emulator instance share.</summary>
internal sealed class EmulatorState
{
    public EmulatorState(EmulatorOptions options, ReferralDataSet data)
    {
        Options = options;
        Data = data;
        Faults.CopyFrom(options.Faults);
        Dice = new FaultDice(options.Seed);
        Queries = new QueryExecutor(data);
        Tokens = new TokenIssuer(options, Faults, () => Issuer, TimeProvider.System);
        SignIns = new SignInStore(TimeProvider.System);
        Requests = new RequestLog(options.RequestLogFile);
        CoSell = new CoSellStore(CoSellDataGenerator.Generate(options.CoSellReferralCount, options.Seed, options.AsOf ?? DateTimeOffset.UtcNow), options.CoSellClockOffset);
        CoSellAccess = new CoSellAccess(options);
        CoSellRepresentation = new CoSellRepresentation(() => BaseAddress);
    }

    /// <summary>The co-sell referrals the Referrals API serves and changes.</summary>
    public CoSellStore CoSell { get; }

    public CoSellAccess CoSellAccess { get; }

    public CoSellRepresentation CoSellRepresentation { get; }

    public EmulatorOptions Options { get; }

    public ReferralDataSet Data { get; }

    public FaultSettings Faults { get; } = new();

    public FaultDice Dice { get; }

    public QueryExecutor Queries { get; }

    public TokenIssuer Tokens { get; }

    public SignInStore SignIns { get; }

    public RequestLog Requests { get; }

    private int dataRequests;
    private int shifted;

    /// <summary>
    /// Numbers a referrals request about to be answered from the data (1, 2, ...), and applies the data shift
    /// once the requests before it reach <see cref="DataShift.AfterRequests"/>.
    /// </summary>
    public int NextDataRequest()
    {
        var number = Interlocked.Increment(ref dataRequests);
        if (Options.Shift is { } shift && number > shift.AfterRequests && Interlocked.Exchange(ref shifted, 1) == 0)
        {
            Data.Replace(shift.Apply(Data.Rows));
        }

        return number;
    }

    public string ServerId { get; } = "EMU-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Set once Kestrel has bound its port: <c>https://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; set; } = new("https://127.0.0.1/");

    /// <summary>The <c>iss</c> of tokens, like AAD's v2.0 issuer: <c>{base}{tenant}/v2.0</c>.</summary>
    public string Issuer => BaseAddress + EmulatedIdentity.TenantId + "/v2.0";
}
