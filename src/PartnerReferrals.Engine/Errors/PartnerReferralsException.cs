using System;
using System.Globalization;
using PartnerReferrals.Engine.Diagnostics;

namespace PartnerReferrals.Engine;

/// <summary>
/// Every error the engine reports: one entry of the error catalogue (the factories such as QueryErrors, ExportErrors
/// and AuthErrors build them). It carries what an ErrorRecord needs (a stable id, a kind, the offending value, what
/// went wrong and, apart from it, what to do next) and what a support call needs (HTTP status, the API's code,
/// request and correlation ids).
/// </summary>
/// <remarks>
/// An error is made clean: its text and target go through <see cref="Redactor"/> here, wherever it was built, and an
/// inner exception whose text would show a secret is left out, so no error anywhere can carry a token.
/// </remarks>
public sealed class PartnerReferralsException : Exception
{
    public PartnerReferralsException(string errorId, ErrorKind kind, string problem, string recommendedAction, object? target = null, Exception? innerException = null)
        : base(Redactor.Redact(problem), Clean(innerException))
    {
        ErrorId = errorId;
        Kind = kind;
        Problem = Redactor.Redact(problem);
        RecommendedAction = Redactor.Redact(recommendedAction);
        Target = CleanTarget(target);
    }

    /// <summary>Stable, dotted id such as <c>PartnerReferrals.Query.UnknownField</c>.</summary>
    public string ErrorId { get; }

    public ErrorKind Kind { get; }

    /// <summary>The offending value (a field name, a page size, a URL), shown as the ErrorRecord's target.</summary>
    public object? Target { get; }

    /// <summary>What went wrong, without the advice.</summary>
    public string Problem { get; }

    /// <summary>What the user should do next; PowerShell's error view shows it on its own line.</summary>
    public string RecommendedAction { get; }

    /// <summary>What went wrong and the ids a support request quotes, once: the text of the ErrorRecord's details.</summary>
    public string Details => RequestId is null && CorrelationId is null && HttpStatus is null
        ? Problem
        : string.Format(
            CultureInfo.InvariantCulture,
            "{0} ({1}MS-RequestId {2}, MS-CorrelationId {3})",
            Problem,
            HttpStatus is { } status ? "HTTP " + status.ToString(CultureInfo.InvariantCulture) + ", " : string.Empty,
            RequestId ?? "none",
            CorrelationId ?? "none");

    /// <summary>The whole text, for a catch block or a log that sees only the exception: details, then the advice.</summary>
    public override string Message => Details + " " + RecommendedAction;

    /// <summary>The parameter the user should change, when the error is about input.</summary>
    public string? ParameterName { get; init; }

    public int? HttpStatus { get; init; }

    /// <summary>The API's own error code from the response body, e.g. 3000.</summary>
    public string? ApiCode { get; init; }

    public string? RequestId { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>
    /// This error told again as the failure of a larger task (a pull that had written rows, an export): the id, kind,
    /// parameter and the service's ids stay, so a script that catches it by id still does; this becomes the inner error.
    /// </summary>
    public PartnerReferralsException Restate(string problem, string recommendedAction, object? target) =>
        new(ErrorId, Kind, problem, recommendedAction, target, this)
        {
            ParameterName = ParameterName,
            HttpStatus = HttpStatus,
            ApiCode = ApiCode,
            RequestId = RequestId,
            CorrelationId = CorrelationId,
        };

    private static object? CleanTarget(object? target)
    {
        // A typed target (a Uri, a number) stays typed unless its text held a secret.
        var text = target is string or Uri ? target.ToString() : null;
        return text is not null && !string.Equals(Redactor.Redact(text), text, StringComparison.Ordinal) ? Redactor.Redact(text) : target;
    }

    private static Exception? Clean(Exception? inner)
    {
        for (var e = inner; e is not null; e = e.InnerException)
        {
            if (!string.Equals(Redactor.Redact(e.Message), e.Message, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return inner;
    }
}
