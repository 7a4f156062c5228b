using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Tests.Insights;

/// <summary>
/// A data set made here, not by the emulator (held out from the code under test), with the mess real exports
/// have: statuses and markets in mixed case, stages known only from the status, missing and out-of-order dates,
/// rows without a created date, and a market that is missing.
/// </summary>
internal static class HeldOutReferrals
{
    private static readonly string[] Markets = ["US", "US", "US", "GB", "DE", "DE", "FR", "JP", "IN", "BR", "us", "CA", "AU", "NL", "SE"];
    private static readonly string[] Sizes = ["1to9employees", "10to50employees", "10to50employees", "51to250employees", "251to1000employees", "Morethan20000employees"];

    public static List<Referral> Create(int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateTime(2023, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var rows = new List<Referral>(count);
        for (var i = 0; i < count; i++)
        {
            var created = start.AddMinutes(random.Next(0, 60 * 24 * 30 * 26));
            var r = new Referral
            {
                Id = (500_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                CustomerName = "Customer " + i,
                CustomerMarket = random.Next(60) == 0 ? null : Markets[random.Next(Markets.Length)],
                CustomerOrgSize = Sizes[random.Next(Sizes.Length)],
                CreatedDate = random.Next(80) == 0 ? null : created,
                Status = "Created",
            };
            r.PartnerMarket = random.Next(4) == 0 ? Markets[random.Next(Markets.Length)] : r.CustomerMarket;
            var now = created;
            if (random.Next(10) < 9)
            {
                now = now.AddMinutes(random.Next(1, 60 * 24 * 6));
                r.AcknowledgedDate = random.Next(50) == 0 ? null : random.Next(70) == 0 ? created.AddHours(-3) : now;
                r.Status = "Acknowledged";
                var decision = random.Next(100);
                if (decision < 55)
                {
                    now = now.AddMinutes(random.Next(1, 60 * 24 * 10));
                    r.AcceptedDate = random.Next(60) == 0 ? null : now;
                    r.Status = "Accepted";
                    var outcome = random.Next(100);
                    if (outcome < 40)
                    {
                        now = now.AddMinutes(random.Next(1, 60 * 24 * 120));
                        r.WonDate = random.Next(40) == 0 ? null : random.Next(90) == 0 ? r.AcceptedDate?.AddDays(-1) : now;
                        r.Status = random.Next(15) == 0 ? "won" : "Won";
                    }
                    else if (outcome < 65)
                    {
                        now = now.AddMinutes(random.Next(1, 60 * 24 * 120));
                        r.LostDate = now;
                        r.Status = "Lost";
                    }
                }
                else if (decision < 70)
                {
                    r.DeclinedDate = now.AddHours(random.Next(1, 200));
                    r.Status = "Declined";
                }
                else if (decision < 80)
                {
                    r.ExpiredDate = now.AddDays(random.Next(1, 15));
                    r.Status = "Expired";
                }
                else if (decision < 88)
                {
                    r.MissedDate = now.AddDays(random.Next(1, 15));
                    r.Status = "Missed";
                }
                else if (decision < 95)
                {
                    r.SkippedDate = now.AddDays(random.Next(1, 7));
                    r.Status = "Skipped";
                }

                if (r.Status is not ("Acknowledged" or "Accepted") && random.Next(4) == 0)
                {
                    r.ArchivedDate = now.AddDays(random.Next(1, 60));
                    r.Status = "Archived";
                }
            }

            rows.Add(r);
        }

        return rows;
    }
}
