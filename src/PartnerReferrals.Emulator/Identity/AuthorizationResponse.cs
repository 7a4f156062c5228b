using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Sends the result of <c>/authorize</c> back to the client in the response mode it asked for. MSAL.NET 4.92 asks
/// for <c>response_mode=form_post</c> and its loopback listener refuses a GET carrying the code ("the code is
/// exposed in the URL"), so that mode is an auto-submitting HTML form POSTed to redirect_uri, as AAD sends it.
/// Without a response mode the code goes in the query string of a 302.
/// </summary>
internal static class AuthorizationResponse
{
    public static Task SendAsync(HttpContext context, string redirectUri, string? responseMode, params (string Name, string Value)[] parameters)
    {
        var present = parameters.Where(p => p.Value.Length > 0).ToArray();
        if (responseMode == "form_post")
        {
            var inputs = string.Concat(present.Select(p =>
                $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(p.Name)}\" value=\"{WebUtility.HtmlEncode(p.Value)}\">"));
            return SignInPages.WriteAsync(context, StatusCodes.Status200OK, "Working...",
                $"<form method=\"post\" action=\"{WebUtility.HtmlEncode(redirectUri)}\">{inputs}<noscript><button type=\"submit\">Continue</button></noscript></form>" +
                "<script>document.forms[0].submit()</script>");
        }

        context.Response.Redirect(QueryHelpers.AddQueryString(redirectUri, present.Select(p => new KeyValuePair<string, string?>(p.Name, p.Value))));
        return Task.CompletedTask;
    }
}
