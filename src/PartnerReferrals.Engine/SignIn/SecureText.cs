using System;
using System.Runtime.InteropServices;
using System.Security;
using PartnerReferrals.Engine.Diagnostics;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>
/// Reads a SecureString at the last moment, and registers the text with the redactor so it can never be printed; wraps
/// a secret the engine hands out.
/// </summary>
internal static class SecureText
{
    public static string? Reveal(SecureString? value)
    {
        if (value is null || value.Length == 0)
        {
            return null;
        }

        var pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(value);
            var text = Marshal.PtrToStringUni(pointer)!;
            Redactor.RegisterSecret(text);
            return text;
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }

    /// <summary>A secret as the read-only SecureString a user keeps.</summary>
    public static SecureString Conceal(string text) => new System.Net.NetworkCredential(string.Empty, text).SecurePassword;
}
