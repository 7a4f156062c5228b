using System;
using System.Management.Automation;
using PartnerReferrals.Engine;

namespace PartnerReferrals.Commands.Hosting;

/// <summary>
/// The one mapping from the engine's errors to PowerShell's: stable id, precise category, the offending value, what
/// went wrong (with the ids a support request needs) and, on its own line, what to do next.
/// </summary>
internal static class ErrorRecordFactory
{
    public static ErrorRecord Create(PartnerReferralsException exception)
    {
        // An engine enum lives in the module's private load context, where scripts cannot name it: pass its text.
        var target = exception.Target is Enum value ? value.ToString() : exception.Target;
        return new ErrorRecord(exception, exception.ErrorId, ToCategory(exception.Kind), target)
        {
            ErrorDetails = new ErrorDetails(exception.Details) { RecommendedAction = exception.RecommendedAction },
        };
    }

    /// <summary>One category per kind: the names match, so that scripts can rely on either.</summary>
    public static ErrorCategory ToCategory(ErrorKind kind) =>
        Enum.TryParse<ErrorCategory>(kind.ToString(), out var category) ? category : ErrorCategory.NotSpecified;
}
