using System;

namespace PartnerReferrals.Models;

/// <summary>Who is signed in where. Never holds a token: safe to print, log and export.</summary>
public sealed class PartnerReferralsContext
{
    public string? Account { get; set; }

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? Environment { get; set; }

    public string? BaseUrl { get; set; }

    public string? SignInMethod { get; set; }

    public string? ContextScope { get; set; }

    public DateTimeOffset? TokenExpiresOn { get; set; }
}
