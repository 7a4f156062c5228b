using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PartnerReferrals.Emulator;

/// <summary>
/// The co-sell referrals of one emulator instance, changed by PATCH and POST. One lock guards them: readers
/// filter, order and serialise inside it, so a page never sees half a write. Expiry runs lazily (choice 25): before
/// each read or write, incoming New referrals older than 14 days on the store's clock become Closed/Expired.
/// </summary>
internal sealed class CoSellStore
{
    private readonly List<JsonObject> rows;
    private readonly Dictionary<string, JsonObject> byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly object gate = new();
    private long clockOffsetTicks;
    private DateTimeOffset nextExpiry = DateTimeOffset.MinValue;

    public CoSellStore(List<JsonObject> rows, TimeSpan clockOffset)
    {
        this.rows = rows;
        foreach (var row in rows)
        {
            byId[(string)row["id"]!] = row;
        }

        clockOffsetTicks = clockOffset.Ticks;
    }

    /// <summary>A referral with every field: filters and <c>$select</c> accept exactly its paths.</summary>
    public JsonObject Shape { get; } = CoSellDataGenerator.Shape();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return rows.Count;
            }
        }
    }

    /// <summary>How far the store's clock is ahead of the real one (the expiry test hook).</summary>
    public TimeSpan ClockOffset
    {
        get => TimeSpan.FromTicks(System.Threading.Interlocked.Read(ref clockOffsetTicks));
        set => System.Threading.Interlocked.Exchange(ref clockOffsetTicks, value.Ticks);
    }

    public DateTimeOffset Now => DateTimeOffset.UtcNow + ClockOffset;

    /// <summary>
    /// Counts writes (PATCH, POST, expiry): a reader may keep what it derived from the referrals while the version
    /// stays the same, so paging through a large list sorts it once, not once a page.
    /// </summary>
    public long Version { get; private set; }

    /// <summary>Runs <paramref name="read"/> over every referral in insertion order, with the version, under the lock.</summary>
    public T Read<T>(Func<IReadOnlyList<JsonObject>, long, T> read)
    {
        lock (gate)
        {
            ExpireDue();
            return read(rows, Version);
        }
    }

    /// <summary>Runs <paramref name="change"/> on one referral (null when no such id), under the lock.</summary>
    public T Change<T>(string id, Func<JsonObject?, T> change)
    {
        lock (gate)
        {
            ExpireDue();
            return change(byId.TryGetValue(id, out var row) ? row : null);
        }
    }

    /// <summary>Stores a new referral and runs <paramref name="then"/> on it under the same lock.</summary>
    public T Add<T>(JsonObject referral, Func<JsonObject, T> then)
    {
        lock (gate)
        {
            rows.Add(referral);
            byId[(string)referral["id"]!] = referral;
            Version++;
            return then(referral);
        }
    }

    /// <summary>A new quoted opaque eTag: every successful write gets one.</summary>
    public static string NewETag() => "\"" + Guid.NewGuid() + "\"";

    /// <summary>Stamps a write (inside <see cref="Change{T}"/>): a new eTag and <c>updatedDateTime</c> on the store's clock.</summary>
    public void Touch(JsonObject referral)
    {
        Version++;
        referral["eTag"] = NewETag();
        referral["updatedDateTime"] = CoSellDates.Format(Now);
    }

    // Only incoming New referrals expire and no write makes one, so nothing is due before the earliest of them.
    private void ExpireDue()
    {
        var now = Now;
        if (now < nextExpiry)
        {
            return;
        }

        nextExpiry = DateTimeOffset.MaxValue;
        foreach (var row in rows)
        {
            if ((string?)row["status"] == "New" && (string?)row["direction"] == "Incoming"
                && CoSellDates.TryParse((string?)row["createdDateTime"], out var created)
                && created + CoSellDataGenerator.AnswerWindow <= now)
            {
                var expiredAt = CoSellDates.Format(created + CoSellDataGenerator.AnswerWindow);
                row["status"] = "Closed";
                row["substatus"] = "Expired";
                row["closedDateTime"] = expiredAt;
                row["updatedDateTime"] = expiredAt;
                row["eTag"] = NewETag();
                Version++;
            }
            else if ((string?)row["status"] == "New" && CoSellDates.TryParse((string?)row["createdDateTime"], out var pending)
                && pending + CoSellDataGenerator.AnswerWindow < nextExpiry)
            {
                nextExpiry = pending + CoSellDataGenerator.AnswerWindow;
            }
        }
    }
}
