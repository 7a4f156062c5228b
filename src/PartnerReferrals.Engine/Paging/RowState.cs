namespace PartnerReferrals.Engine.Paging;

/// <summary>Per-page state: repeated-string caches and what grouped rows copy onto themselves.</summary>
internal sealed class RowState
{
    public RowState(string? groupBy, string? aggregationLevel)
    {
        GroupBy = groupBy;
        AggregationLevel = aggregationLevel;
    }

    public string? GroupBy { get; }

    public string? AggregationLevel { get; }

    /// <summary>The field index expected next (see FieldIndex); 0 at the start of each row.</summary>
    public int NextGuess { get; set; }

    public RepeatedStrings Status { get; } = new();

    public RepeatedStrings CustomerMarket { get; } = new();

    public RepeatedStrings PartnerMarket { get; } = new();

    public RepeatedStrings OrgSize { get; } = new();
}
