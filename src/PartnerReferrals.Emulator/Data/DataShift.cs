using System;
using System.Globalization;
using System.Linq;

namespace PartnerReferrals.Emulator;

/// <summary>What a <see cref="DataShift"/> does to the rows.</summary>
public enum DataShiftKind
{
    /// <summary>New rows ahead of all others: every later row moves back, so a pager sees rows again.</summary>
    Insert,

    /// <summary>The first rows go: every later row moves forward, so a pager skips rows.</summary>
    Delete,

    /// <summary>The last rows move to the front: the count stays, the pager sees rows again and misses the moved ones.</summary>
    Move,
}

/// <summary>
/// A change of the data set while a client pages through it, applied once after <see cref="AfterRequests"/>
/// referrals requests were answered with data: the faults that make paging by skip and top miss or repeat rows.
/// Written on the command line as <c>kind:rows@requests</c>, e.g. <c>insert:25000@4</c>.
/// </summary>
public sealed record DataShift(DataShiftKind Kind, int Rows, int AfterRequests)
{
    public static DataShift Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (colon > 0 && at > colon
            && Enum.TryParse<DataShiftKind>(text[..colon], ignoreCase: true, out var kind)
            && int.TryParse(text[(colon + 1)..at], NumberStyles.None, CultureInfo.InvariantCulture, out var rows)
            && int.TryParse(text[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var after)
            && rows > 0)
        {
            return new DataShift(kind, rows, after);
        }

        throw new FormatException($"'{text}' is not kind:rows@requests with kind insert, delete or move (e.g. insert:25000@4).");
    }

    /// <summary>The rows after the shift, in the endpoint's order (createdDate, then id).</summary>
    internal EmulatorReferral[] Apply(EmulatorReferral[] rows)
    {
        var count = Math.Min(Rows, Kind == DataShiftKind.Insert ? int.MaxValue : rows.Length);
        // Dated before every row, with ids that sort in order among themselves: they go to the front.
        var front = rows.FirstOrDefault(r => r.CreatedDate is not null)?.CreatedDate?.AddDays(-1) ?? new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return Kind switch
        {
            DataShiftKind.Insert => Enumerable.Range(0, count).Select(i => NewRow("shift-" + i.ToString("D9", CultureInfo.InvariantCulture), front)).Concat(rows).ToArray(),
            DataShiftKind.Delete => rows[count..],
            _ => rows[^count..].OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => Redated(r, front)).Concat(rows[..^count]).ToArray(),
        };
    }

    private static EmulatorReferral NewRow(string id, DateTime created) => new()
    {
        Id = id,
        Status = "Created",
        CustomerMarket = "US",
        CustomerName = "Inserted Customer " + id,
        CustomerOrgSize = "10to50employees",
        PartnerMarket = "US",
        CreatedDate = created,
    };

    // A moved row keeps its id, so a client that already saw it elsewhere sees a repeat, not a new row.
    private static EmulatorReferral Redated(EmulatorReferral row, DateTime created) => new()
    {
        Id = row.Id,
        Status = row.Status,
        CustomerMarket = row.CustomerMarket,
        CustomerName = row.CustomerName,
        CustomerOrgSize = row.CustomerOrgSize,
        PartnerMarket = row.PartnerMarket,
        CreatedDate = created,
        AcknowledgedDate = row.AcknowledgedDate,
        AcceptedDate = row.AcceptedDate,
        DeclinedDate = row.DeclinedDate,
        ExpiredDate = row.ExpiredDate,
        LostDate = row.LostDate,
        MissedDate = row.MissedDate,
        SkippedDate = row.SkippedDate,
        WonDate = row.WonDate,
        ArchivedDate = row.ArchivedDate,
    };
}
