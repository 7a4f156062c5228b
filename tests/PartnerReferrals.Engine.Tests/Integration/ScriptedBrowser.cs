using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using PartnerReferrals.Emulator;

namespace PartnerReferrals.Engine.Tests.Integration;

/// <summary>
/// Plays the browser of an interactive sign-in: GETs the authorize URL with the pinned client without
/// following redirects, then delivers the answer to MSAL's loopback listener (a redirect's Location, or the
/// auto-submitting form of response_mode=form_post).
/// </summary>
internal static partial class ScriptedBrowser
{
    public static async Task SignInAsync(EmulatorServer server, Uri authorize)
    {
        using var emulator = EmulatorSignIn.PinnedClient(server, followRedirects: false);
        using var approval = await emulator.GetAsync(authorize);
        var page = await approval.Content.ReadAsStringAsync();
        using var listener = new HttpClient();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var done = approval.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
                    ? await listener.GetAsync(approval.Headers.Location!)
                    : await listener.PostAsync(
                        new Uri(WebUtility.HtmlDecode(Action().Match(page).Groups[1].Value)),
                        new FormUrlEncodedContent(Inputs().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value))));
                return;
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                await Task.Delay(100); // the listener may not be up yet
            }
        }
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\"")]
    private static partial Regex Action();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex Inputs();
}
