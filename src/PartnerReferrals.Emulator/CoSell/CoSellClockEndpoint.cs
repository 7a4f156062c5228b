using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>
/// The expiry test hook (choice 25): <c>POST /emulator/cosell/clock?advanceDays=&lt;n&gt;</c> moves the Referrals
/// API's clock n days (fractions allowed, not backwards) so incoming New referrals pass their 14 days; <c>GET</c>
/// shows it. Not part of the real API: no token, and the emulator listens on 127.0.0.1 only.
/// </summary>
internal sealed class CoSellClockEndpoint(CoSellStore store)
{
    public const string Path = "/emulator/cosell/clock";

    public Task HandleAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method))
        {
            var text = context.Request.Query["advanceDays"].ToString();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var days) || days is < 0 or > 3650)
            {
                return CoSellErrorBody.WriteAsync(context, CoSellApiException.Invalid($"advanceDays must be a number of days from 0 to 3650, not '{text}'.", "advanceDays"));
            }

            store.ClockOffset += TimeSpan.FromDays(days);
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new JsonObject
        {
            ["now"] = CoSellDates.Format(store.Now),
            ["offsetDays"] = store.ClockOffset.TotalDays,
        };
        return context.Response.Body.WriteAsync(CoSellJson.Bytes(body)).AsTask();
    }
}
