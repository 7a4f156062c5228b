using System.Text;

namespace PartnerReferrals.Engine.Tests.Fakes;

/// <summary>Builds API-shaped JSON pages of referrals with ids "1", "2", ...</summary>
internal static class Pages
{
    public static string Rows(long firstId, int count)
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append("{\"id\":\"").Append(firstId + i).Append("\",\"status\":\"Accepted\",\"customerMarket\":\"US\",\"customerName\":\"Customer ")
                .Append(firstId + i).Append("\",\"createdDate\":\"2024-01-02T03:04:05\",\"wonDate\":null}");
        }

        return text.Append(']').ToString();
    }

    public static string Envelope(long firstId, int count, long? total, string? nextLink = null) =>
        "{\"Value\":" + Rows(firstId, count) + ",\"@nextLink\":" + (nextLink is null ? "null" : "\"" + nextLink + "\"") +
        ",\"TotalCount\":" + (total?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null") + "}";

    /// <summary>Answers a request from its skip/top as an API with <paramref name="total"/> rows would.</summary>
    public static string ForQuery(Uri uri, long total, bool includeTotal = true)
    {
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        var skip = long.Parse(query["skip"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var top = int.Parse(query["top"] ?? "10000", System.Globalization.CultureInfo.InvariantCulture);
        var count = (int)Math.Max(0, Math.Min(top, total - skip));
        return Envelope(skip + 1, count, includeTotal ? total : null);
    }
}
