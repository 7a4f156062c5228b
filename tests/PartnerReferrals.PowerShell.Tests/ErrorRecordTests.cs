using System.Management.Automation;
using PartnerReferrals.PowerShell.Tests.Support;

namespace PartnerReferrals.PowerShell.Tests;

/// <summary>
/// The ErrorRecords a script sees: a stable FullyQualifiedErrorId, a precise category, the offending value as the
/// target and a recommended action, never a stack trace.
/// </summary>
[Collection(PowerShellCollection.Name)]
public sealed class ErrorRecordTests(ModuleFixture module) : RunspaceTest(module)
{
    [Fact]
    public void An_unknown_GroupBy_field_is_an_InvalidArgument_error_with_the_field_as_target_and_no_request_is_sent()
    {
        EnsureConnected();
        var before = Module.Server.Requests.Count;

        var error = Session.Run("Get-PartnerReferralSummary -GroupBy status, colour").Failure();

        Assert.Equal("PartnerReferrals.Query.UnknownField,PartnerReferrals.Commands.GetPartnerReferralSummaryCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("colour", error.TargetObject);
        Assert.Contains("GroupBy", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorDetails.RecommendedAction));
        Assert.Equal(before, Module.Server.Requests.Count);
        AssertNoStackTrace(error);
    }

    [Fact]
    public void A_script_catches_the_error_with_ErrorAction_Stop_and_finds_it_in_Error()
    {
        EnsureConnected();

        var result = Session.Run("""
            $Error.Clear()
            try { Get-PartnerReferral -Filter "colour eq 'red'" -ErrorAction Stop; 'not reached' }
            catch { $_.FullyQualifiedErrorId; $_.TargetObject; $_.CategoryInfo.Category.ToString() }
            $Error[0].FullyQualifiedErrorId
            """);

        Assert.Null(result.Terminating);
        Assert.Equal(
            ["PartnerReferrals.Query.UnknownField,PartnerReferrals.Commands.GetPartnerReferralCommand", "colour", "InvalidArgument", "PartnerReferrals.Query.UnknownField,PartnerReferrals.Commands.GetPartnerReferralCommand"],
            result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void A_filter_the_service_rejects_is_a_bad_request_error_carrying_the_request_id_the_service_saw()
    {
        EnsureConnected();
        var before = Module.Server.Requests.Count;

        var error = Session.Run("Get-PartnerReferral -Filter \"not (status eq 'Won')\"").Failure();

        var request = Assert.Single(Module.Server.Requests.Since(before));
        Assert.Equal(400, request.StatusCode);
        Assert.Equal("PartnerReferrals.Api.BadRequest,PartnerReferrals.Commands.GetPartnerReferralCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        AssertIdsOnceAndTheFixOnItsOwnLine(error, request.Header("MS-RequestId"), request.Header("MS-CorrelationId"));
        AssertNoStackTrace(error);
    }

    [Fact]
    public void Server_errors_are_retried_a_bounded_number_of_times_then_reported_as_ResourceUnavailable()
    {
        EnsureConnected();
        Module.Server.Faults.ServerErrorRatio = 1;
        var before = Module.Server.Requests.Count;

        var error = Session.Run("Get-PartnerReferral -First 5").Failure();

        var attempts = Module.Server.Requests.Since(before);
        Assert.Equal("PartnerReferrals.Api.ServerError,PartnerReferrals.Commands.GetPartnerReferralCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.InRange(attempts.Count, 2, 10);
        Assert.All(attempts, a => Assert.Contains(a.StatusCode, new[] { 500, 503 }));
        // One request id across its retries, and that id in the message a support request quotes.
        var requestId = Assert.Single(attempts.Select(a => a.Header("MS-RequestId")).Distinct());
        AssertIdsOnceAndTheFixOnItsOwnLine(error, requestId, Assert.Single(attempts.Select(a => a.Header("MS-CorrelationId")).Distinct()));
        AssertNoStackTrace(error);
    }

    [Fact]
    public void An_expired_access_token_is_refused_at_sign_in_with_an_authentication_error_that_shows_no_token()
    {
        Disconnect();
        var token = Module.Server.Tokens.IssueExpiredToken();

        var result = Session.Run(
            "Connect-PartnerReferrals -Environment Emulator -EmulatorFile $emulatorFile -AccessToken (ConvertTo-SecureString -String $token -AsPlainText -Force)",
            ("token", token));

        var error = result.Failure();
        Assert.Equal("PartnerReferrals.Auth.TokenExpired,PartnerReferrals.Commands.ConnectPartnerReferralsCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorDetails.RecommendedAction));
        Assert.DoesNotContain(result.AllText(), text => text.Contains(token, StringComparison.Ordinal));
        Assert.Empty(Session.Run("Get-PartnerReferralsContext").Output);
    }

    private static void AssertNoStackTrace(ErrorRecord error)
    {
        foreach (var text in new[] { error.Exception.Message, error.ErrorDetails?.Message ?? string.Empty, error.ToString() })
        {
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The ids the service saw are in the message a support request quotes, each exactly once, and the fix is left
    /// to the Recommendation line that PowerShell's error view prints on its own.
    /// </summary>
    private static void AssertIdsOnceAndTheFixOnItsOwnLine(ErrorRecord error, string? requestId, string? correlationId)
    {
        var message = error.ErrorDetails.Message;
        foreach (var (name, id) in new[] { ("MS-RequestId", requestId), ("MS-CorrelationId", correlationId) })
        {
            Assert.False(string.IsNullOrEmpty(id), name + " was not sent");
            Assert.Contains(name + " " + id, message, StringComparison.Ordinal);
            Assert.Equal(1, Occurrences(message, id!));
        }

        var action = error.ErrorDetails.RecommendedAction;
        Assert.False(string.IsNullOrWhiteSpace(action));
        Assert.DoesNotContain(action, message, StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
