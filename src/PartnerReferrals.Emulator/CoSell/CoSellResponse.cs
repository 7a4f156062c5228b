namespace PartnerReferrals.Emulator;

/// <summary>A successful Referrals API answer, written by <see cref="CoSellPipeline"/> after it is recorded.</summary>
internal sealed record CoSellResponse(int Status, byte[]? Body, string? ETag = null, string? Location = null);
