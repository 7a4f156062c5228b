using System;
using System.IO;
using System.Linq;
using System.Text;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Export;

/// <summary>
/// Writes referrals as RFC 4180 CSV the way PowerShell 7's Export-Csv lays them out: the Referral properties in
/// declaration order, every value quoted with inner quotes doubled, a null left empty and unquoted. Dates are ISO
/// 8601 UTC (<c>2018-02-07T23:43:19Z</c>) instead of Export-Csv's culture-dependent text, so a file means the same
/// on every machine. Hand-written rather than CsvHelper: the whole format is the quoting rule below, and encoding
/// UTF-8 straight into one byte buffer (no TextWriter, no second encoding pass) keeps the cost per row to the bytes.
/// </summary>
internal sealed class ReferralCsvWriter
{
    /// <summary>The columns: the catalogue's fields, in the order Export-Csv writes the Referral properties (declaration order).</summary>
    public static readonly string[] Columns = [.. ReferralFields.All.Select(f => f.Property)];

    private const int BufferSize = 1 << 16;

    // The longest date: yyyy-MM-ddTHH:mm:ss.fffffffZ in quotes.
    private const int MaxDateBytes = 30;

    private readonly Stream stream;
    private readonly byte[] newLine;
    private byte[] buffer = new byte[BufferSize];
    private int used;

    public ReferralCsvWriter(Stream stream, string newLine)
    {
        this.stream = stream;
        this.newLine = Encoding.ASCII.GetBytes(newLine);
    }

    /// <summary>The header line's text without its line break: what an existing file must start with to be appended to.</summary>
    public static string HeaderText => "\"" + string.Join("\",\"", Columns) + "\"";

    public void WriteHeader()
    {
        Raw(Encoding.ASCII.GetBytes(HeaderText));
        Raw(newLine);
    }

    /// <summary>A line break alone, for appending to a file whose last line has none.</summary>
    public void WriteLineBreak() => Raw(newLine);

    /// <remarks>
    /// Hand-written for speed: the values in the order of <see cref="ReferralFields.All"/>, each read straight from its
    /// property (the engine tests compare every column with the catalogue's value, so an order that drifts fails).
    /// </remarks>
    public void Write(Referral row)
    {
        Text(row.Id);
        Text(row.Status);
        Text(row.CustomerName);
        Text(row.CustomerMarket);
        Text(row.PartnerMarket);
        Text(row.CustomerOrgSize);
        Date(row.CreatedDate);
        Date(row.AcknowledgedDate);
        Date(row.AcceptedDate);
        Date(row.DeclinedDate);
        Date(row.ExpiredDate);
        Date(row.MissedDate);
        Date(row.SkippedDate);
        Date(row.WonDate);
        Date(row.LostDate);
        Date(row.ArchivedDate);

        // Each value ended with a comma; the last one's becomes the line break (it is still in the buffer: nothing
        // flushes between writing a value and its comma).
        used--;
        Raw(newLine);
    }

    /// <summary>Writes what is buffered to the stream.</summary>
    public void Flush()
    {
        if (used > 0)
        {
            stream.Write(buffer, 0, used);
            used = 0;
        }
    }

    /// <summary>ISO 8601 in UTC, seconds always, a fraction only when the value has one (trailing zeros dropped).</summary>
    internal static string FormatDate(DateTime value)
    {
        var bytes = new byte[MaxDateBytes];
        return Encoding.ASCII.GetString(bytes, 0, FormatDate(value, bytes, 0));
    }

    private static int FormatDate(DateTime value, byte[] into, int at)
    {
        // The model's dates are UTC; a local one (set by a caller) is converted, an unspecified one taken as UTC.
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        var start = at;
        Digits(into, at, utc.Year, 4);
        into[at + 4] = (byte)'-';
        Digits(into, at + 5, utc.Month, 2);
        into[at + 7] = (byte)'-';
        Digits(into, at + 8, utc.Day, 2);
        into[at + 10] = (byte)'T';
        Digits(into, at + 11, utc.Hour, 2);
        into[at + 13] = (byte)':';
        Digits(into, at + 14, utc.Minute, 2);
        into[at + 16] = (byte)':';
        Digits(into, at + 17, utc.Second, 2);
        at += 19;
        var fraction = (int)(utc.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            into[at++] = (byte)'.';
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            Digits(into, at, fraction, digits);
            at += digits;
        }

        into[at++] = (byte)'Z';
        return at - start;
    }

    private static void Digits(byte[] into, int at, int value, int count)
    {
        for (var i = at + count - 1; i >= at; i--)
        {
            into[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private void Raw(byte[] bytes)
    {
        Ensure(bytes.Length);
        Buffer.BlockCopy(bytes, 0, buffer, used, bytes.Length);
        used += bytes.Length;
    }

    /// <summary>Room for <paramref name="bytes"/> more: the buffer is written out first, or grown for one huge value.</summary>
    private void Ensure(int bytes)
    {
        if (used + bytes <= buffer.Length)
        {
            return;
        }

        Flush();
        if (bytes > buffer.Length)
        {
            buffer = new byte[bytes];
        }
    }

    /// <summary>A value, quoted, and the comma after it; a null writes the comma alone.</summary>
    private void Text(string? value)
    {
        if (value is null)
        {
            Ensure(1);
            buffer[used++] = (byte)',';
            return;
        }

        // Worst case: every char a doubled quote or three UTF-8 bytes, plus the two quotes and the comma.
        Ensure((value.Length * 3) + 3);
        var into = buffer;
        var at = used;
        into[at++] = (byte)'"';
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < 0x80)
            {
                if (c == '"')
                {
                    into[at++] = (byte)'"';
                }

                into[at++] = (byte)c;
            }
            else if (c < 0x800)
            {
                into[at++] = (byte)(0xC0 | (c >> 6));
                into[at++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var point = char.ConvertToUtf32(c, value[++i]);
                into[at++] = (byte)(0xF0 | (point >> 18));
                into[at++] = (byte)(0x80 | ((point >> 12) & 0x3F));
                into[at++] = (byte)(0x80 | ((point >> 6) & 0x3F));
                into[at++] = (byte)(0x80 | (point & 0x3F));
            }
            else
            {
                // A lone surrogate has no UTF-8 form: U+FFFD, as an encoder that does not throw writes it.
                var point = char.IsSurrogate(c) ? 0xFFFD : c;
                into[at++] = (byte)(0xE0 | (point >> 12));
                into[at++] = (byte)(0x80 | ((point >> 6) & 0x3F));
                into[at++] = (byte)(0x80 | (point & 0x3F));
            }
        }

        into[at++] = (byte)'"';
        into[at++] = (byte)',';
        used = at;
    }

    /// <summary>A date, quoted, and the comma after it; a null writes the comma alone.</summary>
    private void Date(DateTime? value)
    {
        Ensure(MaxDateBytes + 1);
        if (value is { } d)
        {
            buffer[used++] = (byte)'"';
            used += FormatDate(d, buffer, used);
            buffer[used++] = (byte)'"';
        }

        buffer[used++] = (byte)',';
    }
}
