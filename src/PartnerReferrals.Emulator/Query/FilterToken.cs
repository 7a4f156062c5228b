namespace PartnerReferrals.Emulator;

internal enum FilterTokenKind
{
    End,
    Identifier,
    String,
    Number,
    OpenParen,
    CloseParen,
    Comma,
}

/// <summary>One token of a filter; <see cref="Position"/> is the 1-based character position users see in errors.</summary>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Text, int Position)
{
    public bool IsWord(string word) =>
        Kind == FilterTokenKind.Identifier && string.Equals(Text, word, System.StringComparison.OrdinalIgnoreCase);

    public string Describe() => Kind switch
    {
        FilterTokenKind.End => "the end of the filter",
        FilterTokenKind.String => $"the string '{Text}'",
        _ => $"'{Text}'",
    };
}
