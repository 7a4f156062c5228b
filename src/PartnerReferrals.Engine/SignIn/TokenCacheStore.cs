using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.Extensions.Msal;
using PartnerReferrals.Engine.Hosting;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>
/// The per-user token cache (-ContextScope CurrentUser): encrypted by the OS (DPAPI, macOS keychain, Linux
/// keyring). Where no OS store works (a server or container without a keyring), a plaintext file readable by the
/// user only is used only when the caller chose it (-AllowPlaintextCache), with a warning: a refresh token at rest
/// unencrypted is a decision the user makes, not one the module makes for them.
/// </summary>
internal static class TokenCacheStore
{
    public const string ProtectedFileName = "msal.cache";
    public const string PlaintextFileName = "msal.cache.plaintext";

    public static string DefaultFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "PartnerReferrals");

    /// <summary>Attaches the persistent cache to the app; returns what to run after each token acquisition (re-tightening the file mode).</summary>
    public static async Task<Action?> AttachAsync(ITokenCache cache, string folder, bool allowPlaintext, IEngineHost output)
    {
        Directory.CreateDirectory(folder);
        var protectedProperties = new StorageCreationPropertiesBuilder(ProtectedFileName, folder)
            .WithLinuxKeyring(
                "com.partnerreferrals.tokencache",
                MsalCacheHelper.LinuxKeyRingDefaultCollection,
                "PartnerReferrals token cache",
                new KeyValuePair<string, string>("Version", "1"),
                new KeyValuePair<string, string>("ProductGroup", "PartnerReferrals"))
            .WithMacKeyChain("PartnerReferrals", "TokenCache")
            .Build();
        try
        {
            var helper = await MsalCacheHelper.CreateAsync(protectedProperties).ConfigureAwait(false);
            helper.VerifyPersistence();
            helper.RegisterCache(cache);
            return null;
        }
        catch (Exception ex) when (ex is MsalCachePersistenceException or PlatformNotSupportedException or DllNotFoundException or TypeInitializationException or InvalidOperationException)
        {
            var path = Path.Combine(folder, PlaintextFileName);
            if (!allowPlaintext)
            {
                throw AuthErrors.Failed(
                    "PartnerReferrals.Auth.TokenCacheNotProtected",
                    ErrorKind.ResourceUnavailable,
                    "-ContextScope CurrentUser: the operating system's secret store is not available here (" + ex.GetType().Name + "), so the token cache could only be kept unencrypted, in " + path + ".",
                    "Use -ContextScope Process to keep tokens in memory for this session only, or add -AllowPlaintextCache to keep them in that file, readable by your user only.",
                    "AllowPlaintextCache",
                    path);
            }

            OwnerOnlyFile.Ensure(path);
            output.WriteWarning(
                "The operating system's secret store is not available here (" + ex.GetType().Name + "), so the token cache is kept UNENCRYPTED in " + path +
                (OwnerOnlyFile.IsSupported ? ", readable by your user only (mode 0600)." : ", protected by your profile folder's permissions only.") +
                " Anyone with access to your account can use the saved sign-in; use -ContextScope Process to keep tokens in memory only, or Disconnect-PartnerReferrals -ClearPersistedCache to delete the file.");
            var plaintext = new StorageCreationPropertiesBuilder(PlaintextFileName, folder).WithUnprotectedFile().Build();
            var helper = await MsalCacheHelper.CreateAsync(plaintext).ConfigureAwait(false);
            helper.RegisterCache(cache);
            return () => OwnerOnlyFile.Restrict(path);
        }
    }

    /// <summary>Deletes the persisted cache files (Disconnect-PartnerReferrals -ClearPersistedCache).</summary>
    public static void Clear(string folder)
    {
        foreach (var name in new[] { ProtectedFileName, PlaintextFileName, ProtectedFileName + ".lockfile", PlaintextFileName + ".lockfile" })
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
