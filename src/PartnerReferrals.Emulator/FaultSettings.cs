using System;
using System.Threading;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Faults the referrals endpoint injects; a test flips them while requests run, so every property is read
/// and written atomically. Ratios are probabilities from 0 to 1, drawn from the server's seeded dice.
/// </summary>
public sealed class FaultSettings
{
    private long latencyTicks;
    private long throttleRatioBits;
    private int retryAfterSeconds = 1;
    private int retryAfterAsDate;
    private long serverErrorRatioBits;
    private long dropConnectionRatioBits;
    private long truncateBodyRatioBits;
    private long tokenLifetimeOverrideTicks = -1;
    private int omitTotalCount;
    private int cycleNextLinkAtPage;
    private int failAfterRequests = -1;
    private int failStatus = 500;

    /// <summary>Delay added to every referrals request.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref latencyTicks));
        set => Interlocked.Exchange(ref latencyTicks, Math.Max(0, value.Ticks));
    }

    /// <summary>Share of requests answered 429 with <c>Retry-After</c> and the documented throttling body.</summary>
    public double ThrottleRatio { get => Get(ref throttleRatioBits); set => Set(ref throttleRatioBits, value); }

    /// <summary>The delay a 429 asks for.</summary>
    public int RetryAfterSeconds
    {
        get => Volatile.Read(ref retryAfterSeconds);
        set => Volatile.Write(ref retryAfterSeconds, Math.Max(0, value));
    }

    /// <summary>Send <c>Retry-After</c> as an HTTP date (its other legal form) instead of seconds.</summary>
    public bool RetryAfterAsDate
    {
        get => Volatile.Read(ref retryAfterAsDate) != 0;
        set => Volatile.Write(ref retryAfterAsDate, value ? 1 : 0);
    }

    /// <summary>Share of requests answered 500 or 503 with the documented error body.</summary>
    public double ServerErrorRatio { get => Get(ref serverErrorRatioBits); set => Set(ref serverErrorRatioBits, value); }

    /// <summary>Share of requests whose connection is aborted before any response.</summary>
    public double DropConnectionRatio { get => Get(ref dropConnectionRatioBits); set => Set(ref dropConnectionRatioBits, value); }

    /// <summary>Share of pages sent half-way: full Content-Length, half the body, then an abort.</summary>
    public double TruncateBodyRatio { get => Get(ref truncateBodyRatioBits); set => Set(ref truncateBodyRatioBits, value); }

    /// <summary>Lifetime of access tokens issued from now on, overriding the configured one.</summary>
    public TimeSpan? TokenLifetimeOverride
    {
        get
        {
            var ticks = Interlocked.Read(ref tokenLifetimeOverrideTicks);
            return ticks < 0 ? null : TimeSpan.FromTicks(ticks);
        }
        set => Interlocked.Exchange(ref tokenLifetimeOverrideTicks, value is { } v ? Math.Max(0, v.Ticks) : -1);
    }

    /// <summary>Leave TotalCount out of every page, so a client must follow the next links.</summary>
    public bool OmitTotalCount
    {
        get => Volatile.Read(ref omitTotalCount) != 0;
        set => Volatile.Write(ref omitTotalCount, value ? 1 : 0);
    }

    /// <summary>The next link of this page (1-based; 0: off) points back at the first page, so the links go round forever.</summary>
    public int CycleNextLinkAtPage
    {
        get => Volatile.Read(ref cycleNextLinkAtPage);
        set => Volatile.Write(ref cycleNextLinkAtPage, Math.Max(0, value));
    }

    /// <summary>Referrals requests answered with data before every later one fails with <see cref="FailStatus"/> (-1: never).</summary>
    public int FailAfterRequests
    {
        get => Volatile.Read(ref failAfterRequests);
        set => Volatile.Write(ref failAfterRequests, Math.Max(-1, value));
    }

    /// <summary>The status of the failures <see cref="FailAfterRequests"/> starts.</summary>
    public int FailStatus
    {
        get => Volatile.Read(ref failStatus);
        set => Volatile.Write(ref failStatus, value);
    }

    /// <summary>Copies every setting from <paramref name="other"/> (used to seed the live settings from options).</summary>
    internal void CopyFrom(FaultSettings other)
    {
        Latency = other.Latency;
        ThrottleRatio = other.ThrottleRatio;
        RetryAfterSeconds = other.RetryAfterSeconds;
        RetryAfterAsDate = other.RetryAfterAsDate;
        ServerErrorRatio = other.ServerErrorRatio;
        DropConnectionRatio = other.DropConnectionRatio;
        TruncateBodyRatio = other.TruncateBodyRatio;
        TokenLifetimeOverride = other.TokenLifetimeOverride;
        OmitTotalCount = other.OmitTotalCount;
        CycleNextLinkAtPage = other.CycleNextLinkAtPage;
        FailAfterRequests = other.FailAfterRequests;
        FailStatus = other.FailStatus;
    }

    private static double Get(ref long bits) => BitConverter.Int64BitsToDouble(Interlocked.Read(ref bits));

    private static void Set(ref long bits, double value)
    {
        // NaN or out-of-range ratios would make the dice meaningless; clamp instead of failing a test run.
        var clamped = double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);
        Interlocked.Exchange(ref bits, BitConverter.DoubleToInt64Bits(clamped));
    }
}
