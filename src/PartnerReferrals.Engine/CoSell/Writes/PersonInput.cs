using System;
using System.Linq;
using System.Text.Json;

namespace PartnerReferrals.Engine.CoSell;

/// <summary>
/// A person to write into a referral: a member of your team (<c>team</c>) or a customer contact
/// (<c>customerProfile.team</c>), both the API's Member type. Only the e-mail is required: it is what the service and
/// a Referrals User's visibility (team/any(t:t/email eq ...)) go by.
/// </summary>
public sealed class PersonInput
{
    public PersonInput(string email, string? firstName = null, string? lastName = null, string? phoneNumber = null)
    {
        Email = email;
        FirstName = firstName;
        LastName = lastName;
        PhoneNumber = phoneNumber;
    }

    public string Email { get; }

    public string? FirstName { get; }

    public string? LastName { get; }

    public string? PhoneNumber { get; }

    /// <summary>This person with trimmed fields, or an error naming -<paramref name="parameter"/> when the e-mail cannot be one.</summary>
    public PersonInput Checked(string parameter)
    {
        var email = Email?.Trim() ?? string.Empty;
        var at = email.IndexOf('@');
        var domain = at < 0 ? string.Empty : email.Substring(at + 1);
        if (at < 1 || domain.IndexOf('@') >= 0 || email.Any(char.IsWhiteSpace) || domain.IndexOf('.') < 1 || domain.EndsWith(".", StringComparison.Ordinal))
        {
            throw CoSellWriteErrors.NotAnEmail(parameter, Email ?? string.Empty);
        }

        return new PersonInput(email, WriteValues.Optional(FirstName), WriteValues.Optional(LastName), WriteValues.Optional(PhoneNumber));
    }

    /// <summary>The Member object: the given fields only.</summary>
    internal void WriteTo(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("email", Email);
        WriteJson.StringIfGiven(json, "firstName", FirstName);
        WriteJson.StringIfGiven(json, "lastName", LastName);
        WriteJson.StringIfGiven(json, "phoneNumber", PhoneNumber);
        json.WriteEndObject();
    }
}
