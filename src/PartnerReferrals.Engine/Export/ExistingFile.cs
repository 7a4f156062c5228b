using System.IO;

namespace PartnerReferrals.Engine.Export;

/// <summary>
/// Export-Csv's rules for a file that is already where a command writes, shared by Export-PartnerReferral and
/// Export-PartnerReferralReport so that both refuse alike, with the same ids and words: -NoClobber keeps any existing
/// file, and a read-only one is replaced only with -Force.
/// </summary>
internal static class ExistingFile
{
    /// <summary>
    /// Refuses to go on, before any request, when the file must stay as it is. <paramref name="appending"/>: rows go
    /// onto the end, which -NoClobber allows; <paramref name="canAppend"/>: the command has -Append to offer.
    /// </summary>
    public static void Check(string path, bool noClobber, bool force, bool appending, bool canAppend)
    {
        if (!File.Exists(path))
        {
            return;
        }

        if (noClobber && !appending)
        {
            throw ExportErrors.Exists(path, canAppend);
        }

        if (!force && IsReadOnly(path))
        {
            throw ExportErrors.ReadOnly(path, canAppend);
        }
    }

    /// <summary>With -Force, a read-only file loses that mark just before it is replaced or appended to.</summary>
    public static void AllowWrite(string path, bool force)
    {
        if (force && File.Exists(path) && IsReadOnly(path))
        {
            File.SetAttributes(path, File.GetAttributes(path) & ~FileAttributes.ReadOnly);
        }
    }

    private static bool IsReadOnly(string path) => (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0;
}
