using System.Net;
using System.Text.RegularExpressions;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>Reads the action and hidden fields of the emulator's form_post page, as a browser would.</summary>
internal static partial class FormPost
{
    public static Uri Action(string html) => new(WebUtility.HtmlDecode(ActionPattern().Match(html).Groups[1].Value));

    public static Dictionary<string, string> Fields(string html) =>
        InputPattern().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\"")]
    private static partial Regex ActionPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex InputPattern();
}
