using System.Globalization;

namespace PartnerReferrals.Benchmarks;

/// <summary>
/// <c>--full</c> | <c>--smoke</c> [<c>--out FILE</c>], or the child forms
/// <c>--child emulator --rows N</c> and <c>--child memory --rows N --page-size P --concurrency C --base-url U --thumbprint T</c>.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    private CommandLine()
    {
    }

    public string? Child => values.GetValueOrDefault("--child");

    public bool Has(string flag) => flags.Contains(flag);

    public string? Optional(string name) => values.GetValueOrDefault(name);

    public string Text(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException(name + " is required.");

    public int Int(string name) => int.Parse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static CommandLine Parse(string[] args)
    {
        var line = new CommandLine();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--full" or "--smoke")
            {
                line.flags.Add(arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                line.values[arg] = args[++i];
            }
            else
            {
                throw new ArgumentException("Unexpected argument '" + arg + "'. Use --full or --smoke, optionally with --out FILE.");
            }
        }

        return line;
    }
}
