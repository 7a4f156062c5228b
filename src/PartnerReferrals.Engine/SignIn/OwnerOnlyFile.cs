using System;
using System.IO;
using System.Reflection;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>
/// Restricts a file to its owner (mode 0600) on Linux and macOS. netstandard2.0 has no API for it, so the
/// runtime's File.SetUnixFileMode (.NET 7+, where PowerShell 7.4+ runs) is found by reflection; on Windows
/// the profile folder's ACL already limits access to the user.
/// </summary>
internal static class OwnerOnlyFile
{
    private static readonly MethodInfo? SetMode = FindSetUnixFileMode();

    public static bool IsSupported => SetMode is not null && !IsWindows;

    private static bool IsWindows => Path.DirectorySeparatorChar == '\\';

    /// <summary>Creates the file empty when missing, then sets mode 0600. Returns false where that cannot be done.</summary>
    public static bool Ensure(string path)
    {
        if (!File.Exists(path))
        {
            using (File.Open(path, FileMode.OpenOrCreate, FileAccess.Write))
            {
            }
        }

        return Restrict(path);
    }

    public static bool Restrict(string path)
    {
        if (!IsSupported || !File.Exists(path))
        {
            return false;
        }

        var mode = Enum.ToObject(SetMode!.GetParameters()[1].ParameterType, 0x180); // UserRead | UserWrite
        SetMode.Invoke(null, [path, mode]);
        return true;
    }

    private static MethodInfo? FindSetUnixFileMode()
    {
        var modeType = typeof(File).Assembly.GetType("System.IO.UnixFileMode");
        return modeType is null ? null : typeof(File).GetMethod("SetUnixFileMode", [typeof(string), modeType]);
    }
}
