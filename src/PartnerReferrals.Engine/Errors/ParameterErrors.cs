namespace PartnerReferrals.Engine;

/// <summary>
/// Errors about how parameters were given, worded once for every command that can make them: a file path a command
/// writes or reads (-Path of both Export cmdlets, -EmulatorFile), query parameters next to piped referrals, and a
/// market that cannot be one (-CustomerMarket, -PartnerMarket). Each keeps the id its command always had; the
/// parameter is named in every message.
/// </summary>
public static class ParameterErrors
{
    /// <summary>The id of a path on a provider other than the file system, whichever parameter it was given to.</summary>
    public const string NotFileSystemId = "PartnerReferrals.Export.NotFileSystemPath";

    public static PartnerReferralsException NotFileSystem(string parameter, string path, string provider) =>
        Invalid(NotFileSystemId, parameter, path, "-" + parameter + ": '" + path + "' is not a file system path (it is on the " + provider + " provider).", "Give -" + parameter + " a path on the file system, relative to the current location or full.");

    public static PartnerReferralsException Empty(string id, string example) =>
        Invalid(id, "Path", string.Empty, "-Path is empty.", "Give the file to write, e.g. " + example + ".");

    public static PartnerReferralsException NotValid(string id, string path, string example) =>
        Invalid(id, "Path", path, "-Path: '" + path + "' is not a valid file path.", "Give the file to write, e.g. " + example + ".");

    public static PartnerReferralsException IsFolder(string id, string path, string fileName) =>
        Invalid(id, "Path", path, "-Path: '" + path + "' is a folder.", "Give the path of a file, e.g. " + System.IO.Path.Combine(path, fileName) + ".");

    public static PartnerReferralsException FolderMissing(string id, string path, string folder) =>
        Invalid(id, "Path", path, "-Path: the folder '" + folder + "' does not exist.", "Create the folder first, or give a path in an existing one.");

    /// <summary>A query parameter typed next to piped referrals, which are data, not a query.</summary>
    public static PartnerReferralsException NotWithPipedReferrals(string parameter) =>
        Invalid(
            "PartnerReferrals.Insights.FilterWithPipelineInput",
            parameter,
            parameter,
            "-" + parameter + " describes a query and cannot apply to piped referrals.",
            "Filter piped referrals before this command, e.g. with Where-Object, or drop the pipeline input so -" + parameter + " applies to the query.");

    /// <summary>A market that is no two-letter code: it could match no referral, since the service keeps markets as such codes.</summary>
    public static PartnerReferralsException NotAMarketCode(string parameter, string value) =>
        Invalid(
            "PartnerReferrals.Query.NotAMarketCode",
            parameter,
            value,
            "-" + parameter + ": '" + value + "' is not a market code, so no referral could match it: markets are two-letter country or region codes (ISO 3166-1 alpha-2).",
            "Give -" + parameter + " the two-letter code, such as US for the United States, GB for the United Kingdom or DE for Germany; tab completion offers them.");

    private static PartnerReferralsException Invalid(string id, string parameter, string target, string problem, string action) =>
        new(id, ErrorKind.InvalidArgument, problem, action, target)
        {
            ParameterName = parameter,
        };
}
