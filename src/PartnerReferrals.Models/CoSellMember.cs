using System.Linq;

namespace PartnerReferrals.Models;

/// <summary>A person on a referral: a partner team member or a customer contact.</summary>
public sealed class CoSellMember
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Email { get; set; }

    public string? PhoneNumber { get; set; }

    public string? Title { get; set; }

    public string? Locale { get; set; }

    /// <summary>"First Last &lt;e-mail&gt;", or whichever parts are known.</summary>
    public override string ToString()
    {
        var name = string.Join(" ", new[] { FirstName, LastName }.Where(part => !string.IsNullOrWhiteSpace(part)));
        if (string.IsNullOrWhiteSpace(Email))
        {
            return name;
        }

        return name.Length == 0 ? Email! : name + " <" + Email + ">";
    }
}
