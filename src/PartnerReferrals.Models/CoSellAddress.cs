using System.Linq;

namespace PartnerReferrals.Models;

/// <summary>A customer address; its text is the address on one line.</summary>
public sealed class CoSellAddress
{
    public string? AddressLine1 { get; set; }

    public string? AddressLine2 { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    public string? PostalCode { get; set; }

    public string? Country { get; set; }

    public string? Region { get; set; }

    public override string ToString()
    {
        var stateAndCode = string.Join(" ", new[] { State, PostalCode }.Where(part => !string.IsNullOrWhiteSpace(part)));
        return string.Join(", ", new[] { AddressLine1, AddressLine2, City, stateAndCode, Country }.Where(part => !string.IsNullOrWhiteSpace(part)));
    }
}
