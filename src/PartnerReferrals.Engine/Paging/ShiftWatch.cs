using System;
using System.Globalization;
using PartnerReferrals.Engine.Http;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Engine.Paging;

/// <summary>
/// Watches the TotalCount of every page of one pull. Paging by skip and top reads a moving result when rows are
/// added, removed or changed meanwhile: rows then repeat (dropped by <see cref="RecentIds"/>) or are skipped (which
/// nothing can see). The count tells: it changes, or the rows written at the end differ from it. Either way the
/// user is warned with the figures and told how to get a result that cannot move.
/// </summary>
internal sealed class ShiftWatch
{
    private readonly ReferralQuery query;
    private readonly OperationContext operation;
    private readonly DateTime started = DateTime.UtcNow;
    private long? firstTotal;
    private long? lastTotal;
    private int pages;
    private bool changed;

    public ShiftWatch(ReferralQuery query, OperationContext operation)
    {
        this.query = query;
        this.operation = operation;
    }

    /// <summary>Notes one page's TotalCount; warns at the first change.</summary>
    public void Page(long? totalCount)
    {
        pages++;
        if (totalCount is not { } total)
        {
            return;
        }

        firstTotal ??= total;
        if (lastTotal is { } last && last != total && !changed)
        {
            changed = true;
            operation.Warning(string.Format(
                CultureInfo.InvariantCulture,
                "The result changed while it was read: the API's TotalCount was {0:N0} on the first page and {1:N0} on page {2:N0}, so rows were added or removed meanwhile and some may be missing from this pull (rows sent twice are written once). {3}",
                firstTotal,
                total,
                pages,
                Consistent()));
        }

        lastTotal = total;
    }

    /// <summary>At the natural end of a pull: warns when the rows written differ from what the count promised, or rows came twice.</summary>
    public void Finished(long written, long repeats)
    {
        if (lastTotal is not { } total)
        {
            if (repeats > 0)
            {
                operation.Warning(string.Format(CultureInfo.InvariantCulture, "The API sent {0:N0} rows twice (the data shifted while it was read); each was written once. {1}", repeats, Consistent()));
            }

            return;
        }

        var available = Math.Max(0, total - query.Skip);
        var expected = query.First is { } first ? Math.Min(first, available) : available;
        if (written == expected && repeats == 0)
        {
            return;
        }

        var twice = repeats > 0
            ? string.Format(CultureInfo.InvariantCulture, " {0:N0} rows came twice and were written once.", repeats)
            : string.Empty;
        var what = written == expected
            ? string.Format(CultureInfo.InvariantCulture, "This pull wrote {0:N0} rows, as many as the API's TotalCount promised, but the data shifted while it was read:{1} As many rows may have been skipped.", written, twice)
            : string.Format(CultureInfo.InvariantCulture, "This pull wrote {0:N0} rows, but the API's TotalCount promised {1:N0}{2}, so the data shifted while it was read.{3}", written, expected, firstTotal != total ? string.Format(CultureInfo.InvariantCulture, " (and {0:N0} when the pull started)", firstTotal) : string.Empty, twice);
        operation.Warning(what + " " + Consistent());
    }

    private string Consistent() => string.Format(
        CultureInfo.InvariantCulture,
        "For a consistent result, bound the query by a date that no longer moves, e.g. -DateField createdDate -Before '{0:yyyy-MM-ddTHH:mm:ssZ}', and run it again.",
        started);
}
