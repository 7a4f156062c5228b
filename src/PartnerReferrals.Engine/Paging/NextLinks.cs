using System;

namespace PartnerReferrals.Engine.Paging;

/// <summary>Resolves an <c>@nextLink</c>: relative (<c>referrals?...</c>, resolved against the analytics base) or absolute, encoded or not.</summary>
internal static class NextLinks
{
    public static Uri Resolve(Uri analyticsBase, string link)
    {
        var trimmed = link.Trim();
        Uri resolved;
        if (trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            resolved = new Uri(trimmed, UriKind.Absolute);
        }
        else if (!Uri.TryCreate(analyticsBase, trimmed, out resolved!))
        {
            throw Invalid(link);
        }

        // The bearer token goes wherever the link points: follow it only to the API's own origin.
        if (!string.Equals(resolved.GetLeftPart(UriPartial.Authority), analyticsBase.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(link);
        }

        return resolved;
    }

    private static PartnerReferralsException Invalid(string link) => new(
        "PartnerReferrals.Api.InvalidNextLink",
        ErrorKind.InvalidData,
        "The API's next-page link '" + link + "' does not point at the API itself, so it was not followed (the access token would go with it).",
        "Run the command again; if it persists, report it to Partner Center support.",
        link);
}
