using System;

namespace PartnerReferrals.Engine.Hosting;

/// <summary>
/// Which errors end a command and which concern one input only. A query that failed for one piped object (the
/// service refused or kept failing it, the object itself made no query) says nothing about the next one, so
/// the host reports it and goes on (-ErrorAction decides). What makes further work meaningless ends the
/// command: no session, a sign-in or permission failure, or invalid parameters, which every input would repeat.
/// </summary>
public static class ErrorScope
{
    /// <summary>The parameter name of errors about the piped object rather than the command line.</summary>
    public const string InputParameter = "InputObject";

    public static bool ConcernsOneInput(PartnerReferralsException error)
    {
        if (error is null)
        {
            throw new ArgumentNullException(nameof(error));
        }

        if (error.Kind is ErrorKind.AuthenticationError or ErrorKind.PermissionDenied or ErrorKind.OperationStopped)
        {
            return false;
        }

        // A date in a culture's format is the file's format: every row after it would fail the same way.
        if (Has(error, "PartnerReferrals.Session.") || Has(error, "PartnerReferrals.Auth.") || Has(error, Queries.InputDate.CultureDateId))
        {
            return false;
        }

        // The insights cmdlets' parameter errors (-GroupBy, -Path) are the same kind; only the input's own are per input.
        if (Has(error, "PartnerReferrals.Query.") || Has(error, "PartnerReferrals.Insights."))
        {
            return string.Equals(error.ParameterName, InputParameter, StringComparison.Ordinal);
        }

        return true;
    }

    private static bool Has(PartnerReferralsException error, string prefix) =>
        error.ErrorId.StartsWith(prefix, StringComparison.Ordinal);
}
