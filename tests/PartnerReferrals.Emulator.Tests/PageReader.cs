using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>Follows <c>@nextLink</c> from a first URL to the last page, as a client would.</summary>
internal static class PageReader
{
    public sealed record Pages(List<JsonElement> Rows, List<int> TotalCounts, List<string> NextLinks);

    public static async Task<Pages> ReadAllAsync(EmulatorServer server, HttpClient client, string firstUrl, int maxPages = 100_000)
    {
        // Next links are relative to the endpoint's folder, like the sibling example "referrals?...".
        var folder = new Uri(server.BaseAddress, "partner/v1/analytics/");
        var pages = new Pages([], [], []);
        var url = new Uri(server.BaseAddress, firstUrl);
        for (var page = 0; page < maxPages; page++)
        {
            using var response = await client.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} for {url}: {text}");
            var body = JsonDocument.Parse(text).RootElement;
            pages.Rows.AddRange(body.GetProperty("Value").EnumerateArray().Select(e => e.Clone()));
            pages.TotalCounts.Add(body.GetProperty("TotalCount").GetInt32());
            var next = body.GetProperty("@nextLink");
            if (next.ValueKind == JsonValueKind.Null)
            {
                return pages;
            }

            pages.NextLinks.Add(next.GetString()!);
            url = new Uri(folder, next.GetString());
        }

        return pages; // stopped at maxPages
    }
}
