using System;

namespace PartnerReferrals.Emulator;

/// <summary>
/// The <c>{tenant}</c> in sign-in URLs: the emulated tenant's id or the multi-tenant aliases work and school
/// accounts use (<c>common</c>, <c>organizations</c>). The partner tenant has no personal accounts, so
/// <c>consumers</c> is refused like any unknown tenant.
/// </summary>
internal static class TenantSegment
{
    public static bool IsKnown(string? tenant) =>
        tenant is not null && (tenant.Equals(EmulatedIdentity.TenantId, StringComparison.OrdinalIgnoreCase)
            || tenant.Equals("common", StringComparison.OrdinalIgnoreCase)
            || tenant.Equals("organizations", StringComparison.OrdinalIgnoreCase));

    public static AadError Unknown(string? tenant) => new(400, "invalid_request", 90002,
        $"Tenant '{tenant}' not found. Use the emulated tenant {EmulatedIdentity.TenantId}, 'common' or 'organizations'.");
}
