using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Security.Cryptography;

namespace PartnerReferrals.Emulator;

/// <summary>Pending sign-ins: device codes waiting to be approved and authorization codes waiting to be redeemed.</summary>
internal sealed class SignInStore(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DeviceCodeGrant> deviceCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AuthorizationCodeGrant> authorizationCodes = new(StringComparer.Ordinal);

    public DateTimeOffset Now => clock.GetUtcNow();

    public DeviceCodeGrant AddDeviceCode(string clientId, string scope, TimeSpan lifetime)
    {
        var grant = new DeviceCodeGrant(NewCode(), UserCode(), clientId, scope, Now + lifetime);
        deviceCodes[grant.DeviceCode] = grant;
        return grant;
    }

    public DeviceCodeGrant? FindDeviceCode(string deviceCode) => deviceCodes.TryGetValue(deviceCode, out var grant) ? grant : null;

    public DeviceCodeGrant? FindDeviceCodeByUserCode(string userCode) =>
        deviceCodes.Values.FirstOrDefault(g => string.Equals(g.UserCode, userCode, StringComparison.OrdinalIgnoreCase) && g.ExpiresAt > Now);

    public string AddAuthorizationCode(AuthorizationCodeGrant grant)
    {
        var code = NewCode();
        authorizationCodes[code] = grant;
        return code;
    }

    /// <summary>Takes a code out: an authorization code is redeemable once.</summary>
    public AuthorizationCodeGrant? TakeAuthorizationCode(string code) =>
        authorizationCodes.TryRemove(code, out var grant) && grant.ExpiresAt > Now ? grant : null;

    private static string NewCode() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    // Nine letters and digits without look-alikes, the shape of AAD's user codes.
    private static string UserCode()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        Span<char> code = stackalloc char[9];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return new string(code);
    }
}

/// <summary>A device code and how many token requests it has answered "pending" so far.</summary>
internal sealed class DeviceCodeGrant(string deviceCode, string userCode, string clientId, string scope, DateTimeOffset expiresAt)
{
    private int polls;
    private int redeemed;

    public string DeviceCode => deviceCode;

    public string UserCode => userCode;

    public string ClientId => clientId;

    public string Scope => scope;

    public DateTimeOffset ExpiresAt => expiresAt;

    public bool Approved { get; set; }

    /// <summary>Counts one poll and returns how many came before it.</summary>
    public int CountPoll() => System.Threading.Interlocked.Increment(ref polls) - 1;

    /// <summary>True only for the first caller: a device code yields tokens once.</summary>
    public bool TryRedeem() => System.Threading.Interlocked.Exchange(ref redeemed, 1) == 0;
}

/// <summary>What an authorization code was issued for; the token request must match it.</summary>
internal sealed record AuthorizationCodeGrant(
    string ClientId, string RedirectUri, string Scope, string CodeChallenge, string TenantSegment, DateTimeOffset ExpiresAt);
