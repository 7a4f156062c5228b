using System;
using System.IO;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Export;

/// <summary>
/// Writes referrals as RFC 4180 CSV the way PowerShell 7's Export-Csv lays them out: the Referral properties in
/// declaration order, every value quoted with inner quotes doubled, a null left empty and unquoted. Dates are ISO
/// 8601 UTC (<c>2018-02-07T23:43:19Z</c>) instead of Export-Csv's culture-dependent text, so a file means the same
/// on every machine. Hand-written rather than CsvHelper: the whole format is the quoting rule below, and writing
/// straight into the stream writer's buffer costs nothing per row beyond the characters.
/// </summary>
internal sealed class ReferralCsvWriter
{
    /// <summary>The columns, in the order Export-Csv writes the Referral properties (declaration order).</summary>
    public static readonly string[] Columns =
    [
        nameof(Referral.Id), nameof(Referral.Status), nameof(Referral.CustomerName), nameof(Referral.CustomerMarket),
        nameof(Referral.PartnerMarket), nameof(Referral.CustomerOrgSize), nameof(Referral.CreatedDate),
        nameof(Referral.AcknowledgedDate), nameof(Referral.AcceptedDate), nameof(Referral.DeclinedDate),
        nameof(Referral.ExpiredDate), nameof(Referral.MissedDate), nameof(Referral.SkippedDate), nameof(Referral.WonDate),
        nameof(Referral.LostDate), nameof(Referral.ArchivedDate),
    ];

    private readonly TextWriter writer;
    private readonly string newLine;
    private readonly char[] date = new char[28];

    public ReferralCsvWriter(TextWriter writer, string newLine)
    {
        this.writer = writer;
        this.newLine = newLine;
    }

    /// <summary>The header line's text without its line break: what an existing file must start with to be appended to.</summary>
    public static string HeaderText => "\"" + string.Join("\",\"", Columns) + "\"";

    public void WriteHeader()
    {
        writer.Write(HeaderText);
        writer.Write(newLine);
    }

    public void Write(Referral row)
    {
        Text(row.Id);
        writer.Write(',');
        Text(row.Status);
        writer.Write(',');
        Text(row.CustomerName);
        writer.Write(',');
        Text(row.CustomerMarket);
        writer.Write(',');
        Text(row.PartnerMarket);
        writer.Write(',');
        Text(row.CustomerOrgSize);
        writer.Write(',');
        Date(row.CreatedDate);
        writer.Write(',');
        Date(row.AcknowledgedDate);
        writer.Write(',');
        Date(row.AcceptedDate);
        writer.Write(',');
        Date(row.DeclinedDate);
        writer.Write(',');
        Date(row.ExpiredDate);
        writer.Write(',');
        Date(row.MissedDate);
        writer.Write(',');
        Date(row.SkippedDate);
        writer.Write(',');
        Date(row.WonDate);
        writer.Write(',');
        Date(row.LostDate);
        writer.Write(',');
        Date(row.ArchivedDate);
        writer.Write(newLine);
    }

    /// <summary>ISO 8601 in UTC, seconds always, a fraction only when the value has one (trailing zeros dropped).</summary>
    internal static string FormatDate(DateTime value)
    {
        var buffer = new char[28];
        return new string(buffer, 0, FormatDate(value, buffer));
    }

    private static int FormatDate(DateTime value, char[] buffer)
    {
        // The model's dates are UTC; a local one (set by a caller) is converted, an unspecified one taken as UTC.
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        Digits(buffer, 0, utc.Year, 4);
        buffer[4] = '-';
        Digits(buffer, 5, utc.Month, 2);
        buffer[7] = '-';
        Digits(buffer, 8, utc.Day, 2);
        buffer[10] = 'T';
        Digits(buffer, 11, utc.Hour, 2);
        buffer[13] = ':';
        Digits(buffer, 14, utc.Minute, 2);
        buffer[16] = ':';
        Digits(buffer, 17, utc.Second, 2);
        var length = 19;
        var fraction = (int)(utc.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            buffer[length++] = '.';
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            Digits(buffer, length, fraction, digits);
            length += digits;
        }

        buffer[length++] = 'Z';
        return length;
    }

    private static void Digits(char[] buffer, int at, int value, int count)
    {
        for (var i = at + count - 1; i >= at; i--)
        {
            buffer[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    private void Text(string? value)
    {
        if (value is null)
        {
            return;
        }

        writer.Write('"');
        var start = 0;
        int quote;
        while ((quote = value.IndexOf('"', start)) >= 0)
        {
            writer.Write(value.ToCharArray(start, quote - start + 1));
            writer.Write('"');
            start = quote + 1;
        }

        if (start == 0)
        {
            writer.Write(value);
        }
        else if (start < value.Length)
        {
            writer.Write(value.Substring(start));
        }

        writer.Write('"');
    }

    private void Date(DateTime? value)
    {
        if (value is not { } d)
        {
            return;
        }

        writer.Write('"');
        writer.Write(date, 0, FormatDate(d, date));
        writer.Write('"');
    }
}
