using System;
using System.Globalization;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Engine.Operations;

/// <summary>
/// A pull that fails after writing rows must not look complete: its terminating error says how many rows were
/// written, of how many, and how to get the rest. The rows written stay written (a CSV keeps them). The error
/// keeps the failure's id, kind and ids, so a script that catches it by id still does; the figures are also in
/// <see cref="Exception.Data"/> under <see cref="RowsWrittenKey"/>, <see cref="ExpectedRowsKey"/> and <see cref="ResumeSkipKey"/>.
/// </summary>
internal static class PartialResult
{
    public const string RowsWrittenKey = "PartnerReferrals.RowsWritten";
    public const string ExpectedRowsKey = "PartnerReferrals.ExpectedRows";
    public const string ResumeSkipKey = "PartnerReferrals.ResumeSkip";

    /// <summary>
    /// The failure, restated for a pull that wrote <paramref name="written"/> rows; <paramref name="expected"/> is how many it
    /// should have given (or null), <paramref name="resumable"/> whether the command has -Skip (the summary has not).
    /// </summary>
    public static PartnerReferralsException Of(PartnerReferralsException failure, ReferralQuery query, long written, long? expected, bool resumable) =>
        Of(failure, query.Skip, query.First, written, expected, resumable);

    /// <summary>The same for any pull with -Skip and -First (<paramref name="querySkip"/>, <paramref name="queryFirst"/>).</summary>
    public static PartnerReferralsException Of(PartnerReferralsException failure, long querySkip, long? queryFirst, long written, long? expected, bool resumable)
    {
        var of = expected is { } n ? string.Format(CultureInfo.InvariantCulture, " of {0:N0}", n) : string.Empty;
        var skip = querySkip + written;
        string resume;
        if (resumable)
        {
            var rest = queryFirst is { } f ? string.Format(CultureInfo.InvariantCulture, " -First {0}", f - written) : string.Empty;
            resume = string.Format(CultureInfo.InvariantCulture, "To get the rest, run the same command with -Skip {0}{1} (and append its output to what was written).", skip, rest);
        }
        else
        {
            resume = "The summary is incomplete: run the command again.";
        }

        var what = resumable ? "referrals" : "groups";
        var problem = string.Format(CultureInfo.InvariantCulture, "The result is incomplete: {0:N0}{1} {2} were written before this error. {3}", written, of, what, failure.Problem);
        var partial = failure.Restate(problem, resume + " " + failure.RecommendedAction, failure.Target);
        partial.Data[RowsWrittenKey] = written;
        partial.Data[ExpectedRowsKey] = expected;
        if (resumable)
        {
            partial.Data[ResumeSkipKey] = skip;
        }

        return partial;
    }
}
