using System;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Walks one referral along created → acknowledged → accepted|declined|expired|missed|skipped → won|lost →
/// archived, stopping at random, with each stage a little later than the one before.
/// </summary>
internal static class Lifecycle
{
    public static EmulatorReferral Build(Random random, DateTime created, string id, string name, string customerMarket,
        string partnerMarket, string orgSize)
    {
        var now = created;
        DateTime? acknowledged = null, accepted = null, declined = null, expired = null, missed = null, skipped = null,
            won = null, lost = null, archived = null;
        var status = "Created";

        if (random.Next(100) < 92)
        {
            acknowledged = now = Later(random, now, minutes: 4 * 24 * 60);
            status = "Acknowledged";
            var decision = random.Next(100);
            if (decision < 50)
            {
                accepted = now = Later(random, now, minutes: 7 * 24 * 60);
                status = "Accepted";
                var outcome = random.Next(100);
                if (outcome < 35)
                {
                    won = now = Later(random, now, minutes: 90 * 24 * 60);
                    status = "Won";
                }
                else if (outcome < 60)
                {
                    lost = now = Later(random, now, minutes: 90 * 24 * 60);
                    status = "Lost";
                }
            }
            else if (decision < 65)
            {
                declined = now = Later(random, now, minutes: 7 * 24 * 60);
                status = "Declined";
            }
            else if (decision < 75)
            {
                expired = now = Later(random, now, minutes: 14 * 24 * 60);
                status = "Expired";
            }
            else if (decision < 85)
            {
                missed = now = Later(random, now, minutes: 14 * 24 * 60);
                status = "Missed";
            }
            else if (decision < 95)
            {
                skipped = now = Later(random, now, minutes: 7 * 24 * 60);
                status = "Skipped";
            }

            // Only closed referrals are archived.
            if (status is not ("Acknowledged" or "Accepted") && random.Next(100) < 30)
            {
                archived = Later(random, now, minutes: 60 * 24 * 60);
                status = "Archived";
            }
        }

        return new EmulatorReferral
        {
            Id = id,
            Status = status,
            CustomerMarket = customerMarket,
            CustomerName = name,
            CustomerOrgSize = orgSize,
            PartnerMarket = partnerMarket,
            CreatedDate = created,
            AcknowledgedDate = acknowledged,
            AcceptedDate = accepted,
            DeclinedDate = declined,
            ExpiredDate = expired,
            MissedDate = missed,
            SkippedDate = skipped,
            WonDate = won,
            LostDate = lost,
            ArchivedDate = archived,
        };
    }

    // At least one second later, so dates along a path strictly increase.
    private static DateTime Later(Random random, DateTime after, int minutes) =>
        after.AddSeconds(1 + random.NextInt64(minutes * 60L));
}
