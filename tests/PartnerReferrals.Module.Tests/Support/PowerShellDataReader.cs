using System.Globalization;
using System.Text;

namespace PartnerReferrals.Module.Tests.Support;

/// <summary>
/// Reads a PowerShell data file (.psd1) as data, the way <c>Import-PowerShellDataFile</c> does: hashtables,
/// arrays, strings, numbers, <c>$true</c>, <c>$false</c>, <c>$null</c> and comments, and nothing that executes.
/// Anything else (a variable, a subexpression, a command) is an error, because a manifest must be plain data.
/// Hashtables come back as case-insensitive dictionaries, arrays as lists.
/// </summary>
internal sealed class PowerShellDataReader
{
    private readonly string text;
    private int pos;

    private PowerShellDataReader(string text)
    {
        this.text = text;
    }

    public static object? Parse(string text)
    {
        var reader = new PowerShellDataReader(text.TrimStart('\uFEFF'));
        reader.SkipTrivia(newlines: true);
        var value = reader.ReadStatementValue(out _);
        reader.SkipTrivia(newlines: true);
        if (reader.pos != reader.text.Length)
        {
            throw reader.Error("unexpected text after the value");
        }

        return value;
    }

    public static IDictionary<string, object?> ParseHashtable(string text) =>
        Parse(text) as IDictionary<string, object?> ?? throw new FormatException("The data file does not hold a hashtable.");

    /// <summary>A value where PowerShell allows a comma list: <c>'a', 'b'</c> is an array of two.</summary>
    private object? ReadStatementValue(out bool isCommaList)
    {
        var first = ReadValue();
        SkipTrivia(newlines: false);
        isCommaList = Peek() == ',';
        if (!isCommaList)
        {
            return first;
        }

        var list = new List<object?> { first };
        while (Peek() == ',')
        {
            pos++;
            SkipTrivia(newlines: true);
            list.Add(ReadValue());
            SkipTrivia(newlines: false);
        }

        return list;
    }

    private object? ReadValue()
    {
        var c = Peek();
        if (c == '@' && PeekAt(1) == '{')
        {
            return ReadHashtable();
        }

        if (c == '@' && PeekAt(1) == '(')
        {
            return ReadArray();
        }

        if (c == '@' && (PeekAt(1) == '\'' || PeekAt(1) == '"'))
        {
            return ReadHereString();
        }

        if (c == '\'')
        {
            return ReadSingleQuoted();
        }

        if (c == '"')
        {
            return ReadDoubleQuoted();
        }

        if (c == '$')
        {
            return ReadConstantVariable();
        }

        if (c == '-' || c == '+' || c == '.' || char.IsDigit(c))
        {
            return ReadNumber();
        }

        throw Error("expected a value (string, number, @(), @{}, $true, $false or $null)");
    }

    private Dictionary<string, object?> ReadHashtable()
    {
        pos += 2;
        var table = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        for (;;)
        {
            SkipTrivia(newlines: true, semicolons: true);
            if (Peek() == '}')
            {
                pos++;
                return table;
            }

            var key = ReadKey();
            SkipTrivia(newlines: false);
            Expect('=');
            SkipTrivia(newlines: true);
            var value = ReadStatementValue(out _);
            if (!table.TryAdd(key, value))
            {
                throw Error($"duplicate key '{key}'");
            }

            SkipTrivia(newlines: false);
            var next = Peek();
            if (next != '\n' && next != '\r' && next != ';' && next != '}')
            {
                throw Error("expected a new line, ';' or '}' after a hashtable entry");
            }
        }
    }

    private List<object?> ReadArray()
    {
        pos += 2;
        var list = new List<object?>();
        for (;;)
        {
            SkipTrivia(newlines: true, semicolons: true);
            if (Peek() == ')')
            {
                pos++;
                return list;
            }

            // @('a', 'b') holds one comma list: its items are the array's items, as in PowerShell.
            var value = ReadStatementValue(out var isCommaList);
            if (isCommaList)
            {
                list.AddRange((List<object?>)value!);
            }
            else
            {
                list.Add(value);
            }
        }
    }

    private string ReadKey()
    {
        var c = Peek();
        if (c == '\'')
        {
            return ReadSingleQuoted();
        }

        if (c == '"')
        {
            return ReadDoubleQuoted();
        }

        var start = pos;
        while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_' || text[pos] == '-'))
        {
            pos++;
        }

        if (pos == start)
        {
            throw Error("expected a hashtable key");
        }

        return text[start..pos];
    }

    private string ReadSingleQuoted()
    {
        pos++;
        var sb = new StringBuilder();
        for (;;)
        {
            if (pos >= text.Length)
            {
                throw Error("unterminated string");
            }

            var c = text[pos++];
            if (c == '\'')
            {
                if (Peek() == '\'')
                {
                    pos++;
                    sb.Append('\'');
                    continue;
                }

                return sb.ToString();
            }

            sb.Append(c);
        }
    }

    private string ReadDoubleQuoted()
    {
        pos++;
        var sb = new StringBuilder();
        for (;;)
        {
            if (pos >= text.Length)
            {
                throw Error("unterminated string");
            }

            var c = text[pos++];
            switch (c)
            {
                case '"' when Peek() == '"':
                    pos++;
                    sb.Append('"');
                    break;
                case '"':
                    return sb.ToString();
                case '`':
                    sb.Append(Escape(text[pos++]));
                    break;
                case '$' when pos < text.Length && (char.IsLetter(text[pos]) || text[pos] == '(' || text[pos] == '{' || text[pos] == '_'):
                    throw Error("a double-quoted string in a data file must not expand variables or subexpressions");
                default:
                    sb.Append(c);
                    break;
            }
        }
    }

    private static char Escape(char c) => c switch
    {
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        '0' => '\0',
        _ => c,
    };

    private string ReadHereString()
    {
        var quote = text[pos + 1];
        var open = pos;
        pos += 2;
        var lineEnd = text.IndexOf('\n', pos);
        if (lineEnd < 0 || text[pos..lineEnd].Trim().Length != 0)
        {
            pos = open;
            throw Error("a here-string's opening must end its line");
        }

        var close = text.IndexOf("\n" + quote + "@", lineEnd, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Error("unterminated here-string");
        }

        var body = text[(lineEnd + 1)..close].TrimEnd('\r');
        if (quote == '"' && body.Contains('$', StringComparison.Ordinal))
        {
            throw Error("a double-quoted here-string in a data file must not expand variables");
        }

        pos = close + 3;
        return body;
    }

    private object? ReadConstantVariable()
    {
        var start = pos;
        pos++;
        while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_'))
        {
            pos++;
        }

        return text[(start + 1)..pos].ToUpperInvariant() switch
        {
            "TRUE" => true,
            "FALSE" => false,
            "NULL" => null,
            _ => throw Error($"variable {text[start..pos]} is not allowed in a data file"),
        };
    }

    private object ReadNumber()
    {
        var start = pos;
        while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] is '.' or '-' or '+'))
        {
            pos++;
        }

        var token = text[start..pos];
        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return real;
        }

        pos = start;
        throw Error($"'{token}' is not a number");
    }

    private void SkipTrivia(bool newlines, bool semicolons = false)
    {
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == '#')
            {
                while (pos < text.Length && text[pos] != '\n')
                {
                    pos++;
                }
            }
            else if (c == '<' && PeekAt(1) == '#')
            {
                var end = text.IndexOf("#>", pos + 2, StringComparison.Ordinal);
                pos = end < 0 ? throw Error("unterminated block comment") : end + 2;
            }
            else if (c == '`' && (PeekAt(1) == '\n' || PeekAt(1) == '\r'))
            {
                pos += 2;
            }
            else if (c == ' ' || c == '\t' || ((c == '\n' || c == '\r') && newlines) || (c == ';' && semicolons))
            {
                pos++;
            }
            else
            {
                return;
            }
        }
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"expected '{c}'");
        }

        pos++;
    }

    private char Peek() => pos < text.Length ? text[pos] : '\0';

    private char PeekAt(int offset) => pos + offset < text.Length ? text[pos + offset] : '\0';

    private FormatException Error(string message)
    {
        var line = 1 + text.AsSpan(0, Math.Min(pos, text.Length)).Count('\n');
        return new FormatException($"line {line}: {message}");
    }
}
