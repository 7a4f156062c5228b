using System;

namespace PartnerReferrals.Emulator;

/// <summary>
/// A Referrals API refusal: the status and the §4.5 error body (<c>{"error":{"code","message","target","innerError"}}</c>)
/// with one of the documented codes (invalidRequest, unauthenticated, accessDenied, itemNotFound, preconditionFailed...).
/// </summary>
internal sealed class CoSellApiException(int status, string code, string message, string? target = null, string? innerCode = null, string? innerMessage = null)
    : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string? Target { get; } = target;

    public string? InnerCode { get; } = innerCode;

    public string? InnerMessage { get; } = innerMessage;

    public static CoSellApiException Invalid(string message, string? target = null) => new(400, "invalidRequest", message, target);
}
