using System;

namespace PartnerReferrals.Engine;

/// <summary>
/// Every error the engine reports. It carries what an ErrorRecord needs (a stable id, a kind, the offending
/// value) and what a support call needs (HTTP status, the API's code, request and correlation ids).
/// Messages never contain tokens or secrets.
/// </summary>
public sealed class PartnerReferralsException : Exception
{
    public PartnerReferralsException(string errorId, ErrorKind kind, string message, object? target = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Kind = kind;
        Target = target;
    }

    public PartnerReferralsException()
        : this("PartnerReferrals.Unknown", ErrorKind.InvalidOperation, "An unknown error occurred.")
    {
    }

    public PartnerReferralsException(string message)
        : this("PartnerReferrals.Unknown", ErrorKind.InvalidOperation, message)
    {
    }

    public PartnerReferralsException(string message, Exception innerException)
        : this("PartnerReferrals.Unknown", ErrorKind.InvalidOperation, message, null, innerException)
    {
    }

    /// <summary>Stable, dotted id such as <c>PartnerReferrals.Query.UnknownField</c>.</summary>
    public string ErrorId { get; }

    public ErrorKind Kind { get; }

    /// <summary>The offending value (a field name, a page size, a URL), shown as the ErrorRecord's target.</summary>
    public object? Target { get; }

    /// <summary>The parameter the user should change, when the error is about input.</summary>
    public string? ParameterName { get; init; }

    /// <summary>What the user should do next, one sentence.</summary>
    public string? RecommendedAction { get; init; }

    public int? HttpStatus { get; init; }

    /// <summary>The API's own error code from the response body, e.g. 3000.</summary>
    public string? ApiCode { get; init; }

    public string? RequestId { get; init; }

    public string? CorrelationId { get; init; }
}
