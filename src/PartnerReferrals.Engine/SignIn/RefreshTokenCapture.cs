using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Diagnostics;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>
/// Sits between MSAL and the session's network handler and keeps the newest refresh token a token response carried.
/// Entra replaces the refresh token on every redemption (sign-in, renewal during a long pull, a token for the other
/// API), so the last one seen is the one a runbook must keep; MSAL holds the same one in its cache but offers no way
/// to read it. Each one is taught to the redactor the moment it arrives, before anything could print it, in the place
/// of the one before.
/// </summary>
internal sealed class RefreshTokenCapture : DelegatingHandler
{
    private readonly Func<DateTimeOffset> clock;
    private CapturedRefreshToken? newest;

    public RefreshTokenCapture(HttpMessageHandler network, Func<DateTimeOffset> clock)
        : base(network)
    {
        this.clock = clock;
    }

    /// <summary>The newest refresh token of the session, or null when no response carried one yet.</summary>
    public CapturedRefreshToken? Newest => Volatile.Read(ref newest);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (IsTokenResponse(request, response))
        {
            // Buffered, so MSAL still reads the whole body after this.
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            var token = RefreshTokenOf(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            if (token is not null)
            {
                var previous = Interlocked.Exchange(ref newest, new CapturedRefreshToken(token, clock()));
                Redactor.ReplaceSecret(previous?.Token, token);
            }
        }

        return response;
    }

    private static bool IsTokenResponse(HttpRequestMessage request, HttpResponseMessage response) =>
        response.IsSuccessStatusCode && response.Content is not null && request.Method == HttpMethod.Post &&
        request.RequestUri is { } uri && uri.AbsolutePath.EndsWith("/token", StringComparison.OrdinalIgnoreCase);

    private static string? RefreshTokenOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("refresh_token", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A refresh token and when the session received it.</summary>
internal sealed record CapturedRefreshToken(string Token, DateTimeOffset IssuedOn);
