using System.Text;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>Seeded random and hostile query strings: grammar fragments, broken quoting and escapes, odd Unicode, huge numbers.</summary>
internal sealed class QueryFuzzer(int seed)
{
    private static readonly string[] Names = ["filter", "groupby", "aggregationLevel", "top", "skip", "FILTER", "$filter", "groupBy", "x", "", "filter[]", "%00"];

    private static readonly string[] Fragments =
    [
        "status", "createdDate", "customerName", "id", "wonDate", "eq", "ne", "gt", "ge", "lt", "le", "and", "or", "not", "contains", "cast",
        "Edm.DateTimeOffset", "(", ")", ",", "'", "''", "'Won'", "'2018-01-01'", "'2018-13-45'", "'9999-12-31T23:59:59+14:00'", "'0001-01-01'",
        "null", "true", "false", "-1", "0", "10000", "10001", "2147483648", "99999999999999999999", "1e9", "0x10", "NaN", " ", "  ", "%27",
        "%", "%zz", "%C3%28", "%F0%9F%98%80", "+", "&", "=", ";", "\\", "\"", "😀", "Müller", "ı", "İ", "\u0000", "day", "week", "month",
        "status,createdDate", ",,", "startswith(", "contains(customerName,", "cast('2018-01-01',", "((((((((((", "))))", "'unterminated",
    ];

    private readonly Random random = new(seed);

    public string Next()
    {
        var query = new StringBuilder();
        var parameters = random.Next(1, 5);
        for (var p = 0; p < parameters; p++)
        {
            if (p > 0)
            {
                query.Append('&');
            }

            query.Append(Names[random.Next(Names.Length)]).Append('=');
            query.Append(random.Next(8) switch
            {
                0 => new string('(', random.Next(50, 3000)),
                1 => string.Join(" and ", Enumerable.Repeat("status eq 'Won'", random.Next(10, 400))),
                2 => RandomBytesEncoded(),
                _ => Escape(string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => Fragments[random.Next(Fragments.Length)] + (random.Next(3) == 0 ? "" : " ")))),
            });
        }

        return query.ToString();
    }

    private string Escape(string text) => random.Next(3) == 0 ? text.Replace(" ", "%20", StringComparison.Ordinal) : Uri.EscapeDataString(text);

    private string RandomBytesEncoded()
    {
        var bytes = new byte[random.Next(1, 40)];
        random.NextBytes(bytes);
        return string.Concat(bytes.Select(b => "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
