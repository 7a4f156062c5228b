using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Engine.Export;

/// <summary>
/// The file side of an export: checks the target before any request, writes into a temporary file beside it, and
/// only at the end moves the rows into place (a rename, or for -Append one copy onto the end that is undone if it
/// fails). So the target is either as it was or complete; never a half file that looks whole.
/// </summary>
internal sealed class CsvTarget : IDisposable
{
    private const int BufferSize = 1 << 16;

    // For reading an existing header: UTF-8 (ReferralCsvWriter writes it without a byte order mark, as PowerShell 7 does).
    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    // What ReferralCsvWriter writes (and the about help's ISO recipe): ISO 8601 in UTC, a fraction when there is one.
    private static readonly Regex IsoUtc = new(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?Z$", RegexOptions.CultureInvariant);

    private readonly ExportRequest request;
    private FileStream? temporary;

    private CsvTarget(ExportRequest request, string path, bool appending, bool needsHeader, string newLine, bool needsLeadingBreak)
    {
        this.request = request;
        Path = path;
        Appending = appending;
        NeedsHeader = needsHeader;
        NewLine = newLine;
        NeedsLeadingBreak = needsLeadingBreak;
        TemporaryPath = System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(path)!,
            "." + System.IO.Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
    }

    public string Path { get; }

    /// <summary>True when rows go onto the end of an existing file (which then keeps its header).</summary>
    public bool Appending { get; }

    public bool NeedsHeader { get; }

    /// <summary>CRLF as RFC 4180 has it, or an appended file's own line break, so one file never mixes them.</summary>
    public string NewLine { get; }

    public string TemporaryPath { get; }

    private bool NeedsLeadingBreak { get; }

    /// <summary>Checks the target as Export-Csv would (-NoClobber, read-only without -Force, -Append's header) before anything is fetched.</summary>
    public static CsvTarget Prepare(ExportRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Path))
        {
            throw ExportErrors.Invalid("PathRequired", "Path", request.Path, "-Path is empty.", "Give the file to write, e.g. referrals.csv.");
        }

        var path = System.IO.Path.GetFullPath(request.Path);
        if (Directory.Exists(path))
        {
            throw ExportErrors.IsFolder(path);
        }

        var folder = System.IO.Path.GetDirectoryName(path);
        if (folder is null || !Directory.Exists(folder))
        {
            throw ExportErrors.FolderMissing(path, folder ?? path);
        }

        ExistingFile.Check(path, request.NoClobber, request.Force, request.Append, canAppend: true);
        if (request.Append && File.Exists(path) && new FileInfo(path).Length > 0)
        {
            var (header, newLine, endsWithBreak, foreign) = Inspect(path);
            if (!header.SequenceEqual(ReferralCsvWriter.Columns, StringComparer.Ordinal))
            {
                throw ExportErrors.HeaderDiffers(path, string.Join(",", header));
            }

            if (foreign is { } date)
            {
                throw ExportErrors.DatesDiffer(path, date.Column, date.Value);
            }

            return new CsvTarget(request, path, appending: true, needsHeader: false, newLine, needsLeadingBreak: !endsWithBreak);
        }

        return new CsvTarget(request, path, appending: false, needsHeader: true, "\r\n", needsLeadingBreak: false);
    }

    /// <summary>The CSV writer over the temporary file, created new (never over another file); the header is the caller's.</summary>
    public ReferralCsvWriter OpenWriter()
    {
        // The writer buffers 64 KiB itself: the file stream needs no buffer of its own.
        temporary = new FileStream(TemporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        var writer = new ReferralCsvWriter(temporary, NewLine);
        if (NeedsLeadingBreak)
        {
            writer.WriteLineBreak();
        }

        return writer;
    }

    /// <summary>Moves the finished rows into place: a rename for a new or replaced file, an undoable copy for -Append.</summary>
    public void Commit(ReferralCsvWriter writer)
    {
        writer.Flush();
        // No fsync: the rename is what keeps a half file from ever being seen, and a forced flush to disk cost a
        // quarter of a 100,000-row export in the benchmark; Export-Csv does not force one either.
        temporary!.Flush();
        // Closed before it can be renamed or copied.
        temporary.Dispose();
        temporary = null;
        ExistingFile.AllowWrite(Path, request.Force);

        if (Appending)
        {
            AppendTemporary();
            File.Delete(TemporaryPath);
            return;
        }

        if (File.Exists(Path))
        {
            File.Replace(TemporaryPath, Path, null);
        }
        else
        {
            File.Move(TemporaryPath, Path);
        }
    }

    /// <summary>Removes the temporary file when the export did not complete; the target was never touched.</summary>
    public void Dispose()
    {
        temporary?.Dispose();
        temporary = null;
        try
        {
            if (File.Exists(TemporaryPath))
            {
                File.Delete(TemporaryPath);
            }
        }
        catch (IOException)
        {
            // Nothing more can be done: the name says it is partial and starts with a dot.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    /// <summary>
    /// What appending to the file must keep: its header, its line break, whether its last line ends with one, and a
    /// date of its first rows that is not ISO 8601 UTC, as Export-Csv writes them (in its culture's format). Appending
    /// to such a file is refused rather than matched: its culture cannot be told from the text (07/02 is a date in two
    /// cultures), and a column of two formats reads back as neither.
    /// </summary>
    private static (List<string> Header, string NewLine, bool EndsWithBreak, (string Column, string Value)? Foreign) Inspect(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(-1, SeekOrigin.End);
        var endsWithBreak = stream.ReadByte() == '\n';
        stream.Seek(0, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: true, 4096, leaveOpen: true);
        var header = ReadRecord(reader, out var newLine) ?? [];
        var dates = ReferralFields.DateFields.Select(f => Array.IndexOf(ReferralCsvWriter.Columns, f.Property)).ToList();
        for (var row = 0; row < 100 && ReadRecord(reader, out _) is { } cells; row++)
        {
            if (dates.Where(i => i < cells.Count && cells[i].Length > 0 && !IsoUtc.IsMatch(cells[i])).DefaultIfEmpty(-1).First() is var at and >= 0)
            {
                return (header, newLine, endsWithBreak, (ReferralCsvWriter.Columns[at], cells[at]));
            }
        }

        return (header, newLine, endsWithBreak, null);
    }

    /// <summary>
    /// One RFC 4180 record (quoted values may hold commas, doubled quotes and line breaks; at most 64 K characters, so
    /// a file that is no CSV is not read whole), or null at the end; <paramref name="newLine"/> is the break that ended it.
    /// </summary>
    private static List<string>? ReadRecord(TextReader reader, out string newLine)
    {
        newLine = "\r\n";
        if (reader.Peek() < 0)
        {
            return null;
        }

        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var (c, read) = (reader.Read(), 0); c >= 0 && read < 1 << 16; c = reader.Read(), read++)
        {
            if (c == '"' && quoted && reader.Peek() == '"')
            {
                cell.Append((char)reader.Read());
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n' && !quoted)
            {
                newLine = cell.Length > 0 && cell[cell.Length - 1] == '\r' ? "\r\n" : "\n";
                break;
            }
            else
            {
                cell.Append((char)c);
            }
        }

        cells.Add(cell.ToString().TrimEnd('\r'));
        return cells;
    }

    private void AppendTemporary()
    {
        using var target = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.None, BufferSize);
        var length = target.Length;
        try
        {
            using var source = new FileStream(TemporaryPath, FileMode.Open, FileAccess.Read, FileShare.None, BufferSize);
            source.CopyTo(target, BufferSize);
            target.Flush();
        }
        catch (Exception)
        {
            // A full disk midway: cut the file back to where it was, so what was there stays exactly that.
            target.SetLength(length);
            throw;
        }
    }
}
