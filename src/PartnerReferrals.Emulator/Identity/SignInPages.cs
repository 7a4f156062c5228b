using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>The plain HTML pages a person sees when signing in to the emulator with a browser.</summary>
internal static class SignInPages
{
    /// <summary>Writes a page; <paramref name="bodyHtml"/> must already be encoded.</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string bodyHtml)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var encodedTitle = WebUtility.HtmlEncode(title);
        return context.Response.WriteAsync(
            $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{encodedTitle}</title></head>" +
            $"<body style=\"font-family:sans-serif;max-width:40em;margin:3em auto\"><h1>{encodedTitle}</h1>{bodyHtml}</body></html>");
    }
}
