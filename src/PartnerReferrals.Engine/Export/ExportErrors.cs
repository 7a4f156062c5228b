using System;
using System.Globalization;

namespace PartnerReferrals.Engine.Export;

/// <summary>The export's own errors; each names the parameter that decides it and says what to do.</summary>
internal static class ExportErrors
{
    public const string Prefix = "PartnerReferrals.Export.";

    /// <summary>Rows the failed pull had read (and left out of the file), in <see cref="Exception.Data"/>.</summary>
    public const string RowsReadKey = "PartnerReferrals.RowsRead";

    public static PartnerReferralsException Invalid(string id, string parameter, string path, string message, string fix) =>
        new(Prefix + id, ErrorKind.InvalidArgument, message, fix, path)
        {
            ParameterName = parameter,
        };

    public static PartnerReferralsException FolderMissing(string path, string folder) => ParameterErrors.FolderMissing(Prefix + "FolderNotFound", path, folder);

    public static PartnerReferralsException IsFolder(string path) => ParameterErrors.IsFolder(Prefix + "PathIsFolder", path, "referrals.csv");

    /// <summary>-NoClobber and a file already there; <paramref name="canAppend"/>: the command has -Append to offer.</summary>
    public static PartnerReferralsException Exists(string path, bool canAppend) => Invalid(
        "FileExists",
        "NoClobber",
        path,
        "-NoClobber: the file '" + path + "' already exists.",
        canAppend ? "Leave out -NoClobber to replace it, use -Append to add to it, or choose another -Path." : "Leave out -NoClobber to replace it, or choose another -Path.");

    public static PartnerReferralsException ReadOnly(string path, bool canAppend) => Invalid(
        "FileReadOnly", "Force", path, "The file '" + path + "' is read-only.", canAppend ? "Add -Force to replace it (or append to it) anyway." : "Add -Force to replace it anyway.");

    public static PartnerReferralsException HeaderDiffers(string path, string found) => Invalid(
        "HeaderMismatch",
        "Append",
        path,
        "-Append: the file '" + path + "' has other columns than referrals (its first line is '" + Shorten(found) + "').",
        "Append only to a file written by Export-PartnerReferral (or Export-Csv of Get-PartnerReferral); give another -Path, or leave out -Append to replace the file.");

    public static PartnerReferralsException DatesDiffer(string path, string column, string value) => Invalid(
        "DateFormatMismatch",
        "Append",
        path,
        "-Append: the dates in '" + path + "' are not ISO 8601 UTC (" + column + " '" + Shorten(value) + "', as Export-Csv writes them in its culture's format); appending would mix two date formats in one column.",
        "Append only to a file written by Export-PartnerReferral. Export to another -Path, or leave out -Append to replace the file with one export.");

    public static PartnerReferralsException NotWritten(string path, bool append, long read, long? expected, Exception failure)
    {
        var known = failure as PartnerReferralsException;
        var problem = string.Format(CultureInfo.InvariantCulture, "{0} The export stopped after reading {1:N0}{2} referrals: {3}", Untouched(path, append), read, Of(expected), known?.Problem ?? failure.Message);
        const string Fix = "Run the same command again when the cause is fixed.";
        var error = known?.Restate(problem, Fix + " " + known.RecommendedAction, path)
            ?? new PartnerReferralsException(Prefix + "WriteFailed", ErrorKind.InvalidOperation, problem, Fix, path, failure);
        error.Data[Operations.PartialResult.RowsWrittenKey] = 0L;
        error.Data[RowsReadKey] = read;
        return error;
    }

    /// <summary>What a stop (Ctrl+C) left in the file: told after the stop, since the export ends without an error.</summary>
    public static string Stopped(string path, bool append, bool committed, long read, long? expected) =>
        committed
            ? string.Format(CultureInfo.InvariantCulture, "The export was stopped after it was complete: it {0} {1:N0} referrals to '{2}'.", append ? "appended" : "wrote", read, path)
            : string.Format(CultureInfo.InvariantCulture, "The export was stopped after reading {0:N0}{1} referrals. {2}", read, Of(expected), Untouched(path, append));

    private static string Untouched(string path, bool append) => append
        ? "Nothing was appended to '" + path + "': it is as it was before."
        : "Nothing was written to '" + path + "'" + (System.IO.File.Exists(path) ? ": the file there is as it was before." : ".");

    private static string Of(long? expected) => expected is { } n ? string.Format(CultureInfo.InvariantCulture, " of {0:N0}", n) : string.Empty;

    private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 77) + "...";
}
