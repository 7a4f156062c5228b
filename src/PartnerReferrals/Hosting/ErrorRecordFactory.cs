using System.Globalization;
using System.Management.Automation;
using PartnerReferrals.Engine;
using PartnerReferrals.Engine.Diagnostics;
using PartnerReferrals.Engine.Hosting;

namespace PartnerReferrals.Commands.Hosting;

/// <summary>The one mapping from the engine's errors to PowerShell's: stable id, precise category, the offending value.</summary>
internal static class ErrorRecordFactory
{
    public static ErrorRecord Create(PartnerReferralsException exception)
    {
        // Every part of the record (exception, message, details, target, category) is shown: a token pasted into
        // a non-secret parameter such as -Filter must be masked in all of them, not only in the message.
        exception = Redactor.Sanitize(exception);
        // An engine enum lives in the module's private load context, where scripts cannot name it: pass its text.
        var target = exception.Target is System.Enum value ? value.ToString() : exception.Target;
        var record = new ErrorRecord(exception, exception.ErrorId, ToCategory(exception.Kind), target)
        {
            ErrorDetails = new ErrorDetails(DetailsMessage(exception))
            {
                RecommendedAction = ErrorAdvice.For(exception),
            },
        };
        return record;
    }

    /// <summary>One category per kind; the names match so that scripts can rely on either.</summary>
    public static ErrorCategory ToCategory(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        ErrorKind.InvalidOperation => ErrorCategory.InvalidOperation,
        ErrorKind.AuthenticationError => ErrorCategory.AuthenticationError,
        ErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
        ErrorKind.ObjectNotFound => ErrorCategory.ObjectNotFound,
        ErrorKind.LimitsExceeded => ErrorCategory.LimitsExceeded,
        ErrorKind.OperationTimeout => ErrorCategory.OperationTimeout,
        ErrorKind.ConnectionError => ErrorCategory.ConnectionError,
        ErrorKind.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
        ErrorKind.InvalidData => ErrorCategory.InvalidData,
        ErrorKind.NotImplemented => ErrorCategory.NotImplemented,
        ErrorKind.OperationStopped => ErrorCategory.OperationStopped,
        _ => ErrorCategory.NotSpecified,
    };

    /// <summary>
    /// The message users see: without the recommended action, which PowerShell's error view prints on its own
    /// line, and with the ids a support request needs exactly once (the service's errors already carry them).
    /// </summary>
    public static string DetailsMessage(PartnerReferralsException exception)
    {
        var message = exception.Message;
        var action = ErrorAdvice.For(exception);
        var at = message.LastIndexOf(action, System.StringComparison.Ordinal);
        if (at > 0)
        {
            message = (message.Substring(0, at).TrimEnd() + " " + message.Substring(at + action.Length).TrimStart()).Trim();
        }

        if ((exception.RequestId is not null || exception.CorrelationId is not null)
            && (exception.RequestId is null || message.IndexOf(exception.RequestId, System.StringComparison.OrdinalIgnoreCase) < 0))
        {
            message += string.Format(
                CultureInfo.InvariantCulture,
                " (MS-RequestId: {0}; MS-CorrelationId: {1})",
                exception.RequestId ?? "none",
                exception.CorrelationId ?? "none");
        }

        return message;
    }
}
