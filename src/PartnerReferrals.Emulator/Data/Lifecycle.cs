using System;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Walks one referral along created → acknowledged → accepted|declined|expired|missed|skipped → won|lost →
/// archived, stopping at random, with each stage a little later than the one before. A stage that would come
/// after the end of the data has not happened yet: the referral is still in the stage before it.
/// </summary>
internal static class Lifecycle
{
    public static EmulatorReferral Build(Random random, DateTime created, DateTime end, string id, string name, string customerMarket,
        string partnerMarket, string orgSize)
    {
        var now = created;
        DateTime? acknowledged = null, accepted = null, declined = null, expired = null, missed = null, skipped = null,
            won = null, lost = null, archived = null;

        if (random.Next(100) < 92)
        {
            acknowledged = now = Later(random, now, minutes: 4 * 24 * 60);
            var decision = random.Next(100);
            var closed = true;
            if (decision < 50)
            {
                accepted = now = Later(random, now, minutes: 7 * 24 * 60);
                var outcome = random.Next(100);
                if (outcome < 35)
                {
                    won = now = Later(random, now, minutes: 90 * 24 * 60);
                }
                else if (outcome < 60)
                {
                    lost = now = Later(random, now, minutes: 90 * 24 * 60);
                }
                else
                {
                    closed = false;
                }
            }
            else if (decision < 65)
            {
                declined = now = Later(random, now, minutes: 7 * 24 * 60);
            }
            else if (decision < 75)
            {
                expired = now = Later(random, now, minutes: 14 * 24 * 60);
            }
            else if (decision < 85)
            {
                missed = now = Later(random, now, minutes: 14 * 24 * 60);
            }
            else if (decision < 95)
            {
                skipped = now = Later(random, now, minutes: 7 * 24 * 60);
            }
            else
            {
                closed = false;
            }

            // Only closed referrals are archived.
            if (closed && random.Next(100) < 30)
            {
                archived = Later(random, now, minutes: 60 * 24 * 60);
            }
        }

        // Dates increase along the path, so dropping those after the end leaves the stages reached by then.
        acknowledged = ByEnd(acknowledged, end);
        accepted = ByEnd(accepted, end);
        declined = ByEnd(declined, end);
        expired = ByEnd(expired, end);
        missed = ByEnd(missed, end);
        skipped = ByEnd(skipped, end);
        won = ByEnd(won, end);
        lost = ByEnd(lost, end);
        archived = ByEnd(archived, end);
        return new EmulatorReferral
        {
            Id = id,
            // The status is the last stage reached.
            Status = archived is not null ? "Archived"
                : won is not null ? "Won"
                : lost is not null ? "Lost"
                : accepted is not null ? "Accepted"
                : declined is not null ? "Declined"
                : expired is not null ? "Expired"
                : missed is not null ? "Missed"
                : skipped is not null ? "Skipped"
                : acknowledged is not null ? "Acknowledged"
                : "Created",
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

    private static DateTime? ByEnd(DateTime? date, DateTime end) => date <= end ? date : null;

    // At least one second later, so dates along a path strictly increase.
    private static DateTime Later(Random random, DateTime after, int minutes) =>
        after.AddSeconds(1 + random.NextInt64(minutes * 60L));
}
