using System.Globalization;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>
/// Generates filters in the documented grammar together with an independent predicate written from API.md's
/// rules over the public row properties, so the emulator's parser and evaluator are checked against a second,
/// separately written reading of the same rules.
/// </summary>
internal sealed class RandomFilter(Random random, IReadOnlyList<EmulatorReferral> rows)
{
    private static readonly (string Name, Func<EmulatorReferral, string?> Get)[] TextFields =
    [
        ("status", r => r.Status), ("customerMarket", r => r.CustomerMarket), ("partnerMarket", r => r.PartnerMarket),
        ("customerOrgSize", r => r.CustomerOrgSize), ("customerName", r => r.CustomerName), ("id", r => r.Id),
    ];

    private static readonly (string Name, Func<EmulatorReferral, DateTime?> Get)[] DateFields =
    [
        ("createdDate", r => r.CreatedDate), ("acknowledgedDate", r => r.AcknowledgedDate), ("acceptedDate", r => r.AcceptedDate),
        ("declinedDate", r => r.DeclinedDate), ("expiredDate", r => r.ExpiredDate), ("lostDate", r => r.LostDate),
        ("missedDate", r => r.MissedDate), ("skippedDate", r => r.SkippedDate), ("wonDate", r => r.WonDate), ("archivedDate", r => r.ArchivedDate),
    ];

    public (string Text, Func<EmulatorReferral, bool> Matches) Next() => Expression(0).Operands;

    // Each expression carries its precedence (0 or-chain, 1 and-chain, 2 primary), so operands are put in
    // parentheses exactly where the grammar needs them, and sometimes where it does not.
    private ((string, Func<EmulatorReferral, bool>) Operands, int Precedence) Expression(int depth)
    {
        var roll = random.Next(10);
        if (depth < 3 && roll < 3)
        {
            var (left, lp) = Expression(depth + 1);
            var (right, rp) = Expression(depth + 1);
            var (l, fl) = Wrap(left, lp, 1);
            var (r, fr) = Wrap(right, rp, 1);
            return (($"{l} {Word("and")} {r}", row => fl(row) && fr(row)), 1);
        }

        if (depth < 3 && roll < 6)
        {
            var (left, lp) = Expression(depth + 1);
            var (right, rp) = Expression(depth + 1);
            var (l, fl) = Wrap(left, lp, 0);
            var (r, fr) = Wrap(right, rp, 0);
            return (($"{l} {Word("or")} {r}", row => fl(row) || fr(row)), 0);
        }

        var leaf = random.Next(3) switch
        {
            0 => TextComparison(),
            1 => DateComparison(),
            _ => Contains(),
        };
        return (leaf, 2);
    }

    private (string, Func<EmulatorReferral, bool>) Wrap((string Text, Func<EmulatorReferral, bool> Matches) operand, int precedence, int needed) =>
        precedence < needed || random.Next(4) == 0 ? ($"({operand.Text})", operand.Matches) : operand;

    private (string, Func<EmulatorReferral, bool>) TextComparison()
    {
        var (name, get) = TextFields[random.Next(TextFields.Length)];
        var ne = random.Next(2) == 0;
        var op = ne ? "ne" : "eq";
        if (random.Next(10) == 0)
        {
            return ($"{FieldCase(name)} {op} null", row => ne ? get(row) is not null : get(row) is null);
        }

        var value = random.Next(6) == 0 ? "No Such Value" : get(rows[random.Next(rows.Count)]) ?? "x";
        value = Recase(value);
        var upper = value.ToUpperInvariant();
        return ($"{FieldCase(name)} {op} {Quote(value)}", row =>
        {
            var actual = get(row);
            var equal = actual is not null && actual.ToUpperInvariant() == upper;
            return ne ? !equal : equal;
        });
    }

    private (string, Func<EmulatorReferral, bool>) DateComparison()
    {
        var (name, get) = DateFields[random.Next(DateFields.Length)];
        var ops = new[] { "eq", "ne", "gt", "ge", "lt", "le" };
        var op = ops[random.Next(ops.Length)];
        if (random.Next(12) == 0)
        {
            return ($"{name} {op} null", row => op switch
            {
                "eq" => get(row) is null,
                "ne" => get(row) is not null,
                _ => false,
            });
        }

        var (literal, instant) = DateLiteral(get);
        return ($"{FieldCase(name)} {op} {literal}", row =>
        {
            var value = get(row);
            if (value is null)
            {
                return op == "ne";
            }

            var c = value.Value.CompareTo(instant);
            return op switch { "eq" => c == 0, "ne" => c != 0, "gt" => c > 0, "ge" => c >= 0, "lt" => c < 0, _ => c <= 0 };
        });
    }

    private (string, DateTime) DateLiteral(Func<EmulatorReferral, DateTime?> get)
    {
        // Often an exact row value, so eq/ge/le boundaries are hit; otherwise any instant of the data's years.
        var exact = get(rows[random.Next(rows.Count)]);
        var utc = exact is not null && random.Next(2) == 0
            ? exact.Value
            : new DateTime(2017, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.NextInt64(10L * 365 * 86400));
        string text;
        switch (random.Next(5))
        {
            case 0:
                utc = utc.Date;
                text = utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case 1:
                text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
                break;
            case 2:
                text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                break;
            case 3:
                var offset = TimeSpan.FromHours(random.Next(-11, 13));
                text = new DateTimeOffset(utc.Ticks + offset.Ticks, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
                break;
            default:
                utc = utc.AddMilliseconds(random.Next(1, 1000));
                text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
                break;
        }

        return (random.Next(2) == 0 ? $"cast('{text}', Edm.DateTimeOffset)" : $"'{text}'", utc);
    }

    private (string, Func<EmulatorReferral, bool>) Contains()
    {
        var name = rows[random.Next(rows.Count)].CustomerName ?? "x";
        var start = random.Next(name.Length);
        var part = Recase(name.Substring(start, random.Next(1, Math.Min(8, name.Length - start) + 1)));
        var upper = part.ToUpperInvariant();
        return ($"contains({FieldCase("customerName")},{Quote(part)})", row => row.CustomerName?.ToUpperInvariant().Contains(upper, StringComparison.Ordinal) == true);
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private string FieldCase(string name) => random.Next(5) == 0 ? name.ToUpperInvariant() : name;

    private string Word(string word) => random.Next(5) == 0 ? word.ToUpperInvariant() : word;

    private string Recase(string value) => random.Next(3) switch
    {
        0 => value.ToUpperInvariant(),
        1 => value.ToLowerInvariant(),
        _ => value,
    };
}
