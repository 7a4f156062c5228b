using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>
/// <c>GET /{tenant}/oauth2/v2.0/authorize</c>: the browser step of the authorization-code flow with PKCE. By default
/// the emulated user approves at once and the code goes straight back to redirect_uri (see
/// <see cref="AuthorizationResponse"/>), which is what MSAL's loopback listener waits for. With <see cref="EmulatorOptions.ShowSignInPage"/> or <c>emulator_page=1</c> a person sees a
/// one-button page first.
/// </summary>
internal sealed class AuthorizeEndpoint(EmulatorState state)
{
    public async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var tenant = context.Request.RouteValues["tenant"] as string;
        var clientId = query["client_id"].ToString();
        var redirectUri = query["redirect_uri"].ToString();
        if (!TenantSegment.IsKnown(tenant) || clientId.Length == 0 || !IsAcceptableRedirect(redirectUri))
        {
            // Without a trustworthy redirect_uri the error can only be shown, never sent back.
            await SignInPages.WriteAsync(context, StatusCodes.Status400BadRequest, "Sign-in error",
                "<p>The request needs a known tenant, a client_id and a loopback redirect_uri (http://localhost:port/ or http://127.0.0.1:port/).</p>").ConfigureAwait(false);
            return;
        }

        var clientState = query["state"].ToString();
        var responseMode = query["response_mode"].ToString();
        var error = Validate(query);
        if (error is not null)
        {
            await AuthorizationResponse.SendAsync(context, redirectUri, responseMode,
                ("error", "invalid_request"), ("error_description", error), ("state", clientState)).ConfigureAwait(false);
            return;
        }

        var wantsPage = state.Options.ShowSignInPage || query["emulator_page"] == "1";
        if (wantsPage && query["emulator_approve"] != "1")
        {
            await ShowPageAsync(context).ConfigureAwait(false);
            return;
        }

        var code = state.SignIns.AddAuthorizationCode(new AuthorizationCodeGrant(
            clientId, redirectUri, query["scope"].ToString(), query["code_challenge"].ToString(), tenant!, state.SignIns.Now.AddMinutes(10)));
        await AuthorizationResponse.SendAsync(context, redirectUri, responseMode,
            ("code", code), ("state", clientState), ("session_state", Guid.NewGuid().ToString())).ConfigureAwait(false);
    }

    // Loopback only, as Entra allows for public clients on a desktop: the code must never travel to another
    // machine (an attacker's redirect_uri would receive a code for the emulated user). No javascript:, data:, file:.
    internal static bool IsAcceptableRedirect(string redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.IsLoopback
        && uri.UserInfo.Length == 0;

    private static string? Validate(IQueryCollection query)
    {
        if (query["response_type"] != "code")
        {
            return "AADSTS700054: response_type must be 'code'.";
        }

        if (query["code_challenge"].ToString().Length == 0)
        {
            return "AADSTS501491: code_challenge is required (PKCE).";
        }

        if (query["code_challenge_method"] != "S256")
        {
            return "AADSTS501492: code_challenge_method must be S256.";
        }

        try
        {
            ScopeSet.Parse(query["scope"], appOnly: false);
        }
        catch (AadErrorException e)
        {
            return "AADSTS" + e.Error.Code + ": " + e.Error.Message;
        }

        return null;
    }

    private static Task ShowPageAsync(HttpContext context)
    {
        var fields = string.Concat(context.Request.Query
            .Where(p => p.Key != "emulator_approve")
            .Select(p => $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(p.Key)}\" value=\"{WebUtility.HtmlEncode(p.Value.ToString())}\">"));
        return SignInPages.WriteAsync(context, StatusCodes.Status200OK, "Sign in to the Partner Center emulator",
            $"<p>Signing in as <b>{EmulatedIdentity.DisplayName}</b> ({EmulatedIdentity.UserName}).</p>" +
            $"<form method=\"get\">{fields}<input type=\"hidden\" name=\"emulator_approve\" value=\"1\"><button type=\"submit\">Sign in</button></form>");
    }
}
