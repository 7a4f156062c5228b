using System;
using System.IO;
using System.Text;

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
            var (header, newLine, endsWithBreak) = ReadHeader(path);
            if (!string.Equals(header, ReferralCsvWriter.HeaderText, StringComparison.Ordinal))
            {
                throw ExportErrors.HeaderDiffers(path, header);
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

    private static (string Header, string NewLine, bool EndsWithBreak) ReadHeader(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var line = new StringBuilder();
        var newLine = "\r\n";
        using (var reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: true, 4096, leaveOpen: true))
        {
            int c;
            while ((c = reader.Read()) >= 0 && c != '\n' && line.Length < 4096)
            {
                line.Append((char)c);
            }

            if (c == '\n' && (line.Length == 0 || line[line.Length - 1] != '\r'))
            {
                newLine = "\n";
            }
        }

        stream.Seek(-1, SeekOrigin.End);
        var endsWithBreak = stream.ReadByte() == '\n';
        return (line.ToString().TrimEnd('\r'), newLine, endsWithBreak);
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
