using System.Collections.Generic;

namespace PartnerReferrals.Models;

/// <summary>What the customer needs (<c>details.requirements</c>): tag ids of each kind.</summary>
public sealed class CoSellRequirements
{
    public CoSellList<string> Industries { get; set; } = CoSellList<string>.Empty;

    public CoSellList<string> Products { get; set; } = CoSellList<string>.Empty;

    public CoSellList<string> Services { get; set; } = CoSellList<string>.Empty;

    /// <summary>Solution names (their ids when no name is sent).</summary>
    public CoSellList<string> Solutions { get; set; } = CoSellList<string>.Empty;

    /// <summary>"Industries: Education; Products: Azure", the kinds that have values.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        Add(parts, nameof(Industries), Industries);
        Add(parts, nameof(Products), Products);
        Add(parts, nameof(Services), Services);
        Add(parts, nameof(Solutions), Solutions);
        return string.Join(" | ", parts);
    }

    private static void Add(List<string> parts, string label, CoSellList<string> values)
    {
        if (values.Count > 0)
        {
            parts.Add(label + ": " + values);
        }
    }
}
