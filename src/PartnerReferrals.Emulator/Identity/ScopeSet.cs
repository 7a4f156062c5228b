using System;
using System.Linq;

namespace PartnerReferrals.Emulator;

/// <summary>
/// The scopes of a request. MSAL sends the resource scope plus <c>openid profile offline_access</c>; AAD answers
/// with the resource scopes only, issues a refresh token only for <c>offline_access</c>, and refuses resources
/// it does not know. This emulator knows one resource: the Partner Center API.
/// </summary>
internal sealed record ScopeSet(string[] ResourceScopes, bool OfflineAccess)
{
    private static readonly string[] OpenIdScopes = ["openid", "profile", "offline_access", "email"];

    public string Granted => string.Join(' ', ResourceScopes);

    /// <summary>The audience of the access tokens these scopes yield: the analytics API or the co-sell Referrals API.</summary>
    public string Audience => AudienceOf(ResourceScopes[0]) ?? EmulatedIdentity.Audience;

    private static string? AudienceOf(string scope) =>
        new[] { EmulatedIdentity.Audience, EmulatedIdentity.CoSellAudience }
            .FirstOrDefault(a => scope.StartsWith(a + "/", StringComparison.OrdinalIgnoreCase));

    public static ScopeSet Parse(string? scope, bool appOnly)
    {
        var all = (scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var resource = all.Where(s => !OpenIdScopes.Contains(s, StringComparer.OrdinalIgnoreCase)).ToArray();
        foreach (var s in resource)
        {
            if (AudienceOf(s) is null)
            {
                throw new AadErrorException(AadError.InvalidScope(70011,
                    $"The provided value for the input parameter 'scope' is not valid. The scope {s} is not a Partner Center scope ({EmulatedIdentity.Audience}/user_impersonation or {EmulatedIdentity.CoSellAudience}/.default)."));
            }
        }

        if (resource.Select(AudienceOf).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)
        {
            throw new AadErrorException(AadError.InvalidScope(28000,
                $"Provided value for the input parameter scope '{scope}' is not valid because it contains more than one resource."));
        }

        if (appOnly && (resource.Length != 1 || !resource[0].EndsWith("/.default", StringComparison.OrdinalIgnoreCase)))
        {
            throw new AadErrorException(AadError.InvalidScope(1002012,
                $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI)."));
        }

        if (resource.Length == 0)
        {
            resource = [EmulatedIdentity.Audience + "/" + EmulatedIdentity.DelegatedScope];
        }

        return new ScopeSet(resource, all.Contains("offline_access", StringComparer.OrdinalIgnoreCase));
    }
}
