using System;
using System.Globalization;

namespace PartnerReferrals.Engine.Paging;

/// <summary>The errors of a server whose paging would never end.</summary>
internal static class PagingErrors
{
    public const string LoopId = "PartnerReferrals.Api.PagingLoop";

    private const string Advice = "Report it to Partner Center support; to get the rows in pieces meanwhile, bound the query, e.g. by date with -DateField createdDate -After/-Before.";

    public static PartnerReferralsException RepeatedLink(Uri link, int pages, long rows) => Loop(
        string.Format(CultureInfo.InvariantCulture, "The API's next-page link leads back to a page already read ({0}) after {1:N0} pages and {2:N0} rows: following it would never end.", link.GetLeftPart(UriPartial.Path) + link.Query, pages, rows),
        link);

    public static PartnerReferralsException TooManyPages(Uri link, int pages, long totalCount, int pageRows) => Loop(
        string.Format(CultureInfo.InvariantCulture, "The API sent a {0:N0}th page, more than its TotalCount of {1:N0} allows at {2:N0} rows a page: its next-page links do not end.", pages, totalCount, pageRows),
        link);

    public static PartnerReferralsException NoNewRows(Uri link, int pages) => Loop(
        string.Format(CultureInfo.InvariantCulture, "The API's last {0} pages held only rows already read: its next-page links do not advance.", pages),
        link);

    private static PartnerReferralsException Loop(string what, Uri link) =>
        new(LoopId, ErrorKind.InvalidData, what, Advice, link);
}
