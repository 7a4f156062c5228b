using System;

namespace PartnerReferrals.Emulator;

/// <summary>The seeded dice faults are drawn from: a run with the same seed and request order injects the same faults.</summary>
internal sealed class FaultDice(int seed)
{
    private readonly Random random = new(seed);
    private readonly object gate = new();

    public bool Roll(double ratio)
    {
        if (ratio <= 0)
        {
            return false;
        }

        lock (gate)
        {
            return random.NextDouble() < ratio;
        }
    }

    public bool CoinFlip()
    {
        lock (gate)
        {
            return random.Next(2) == 0;
        }
    }
}
