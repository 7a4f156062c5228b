using System.Management.Automation;
using System.Text.RegularExpressions;
using PartnerReferrals.Emulator;
using PartnerReferrals.PowerShell.Tests.Support;

namespace PartnerReferrals.PowerShell.Tests;

/// <summary>-Verbose and -Debug show what went over the wire, and no stream ever shows a token.</summary>
[Collection(PowerShellCollection.Name)]
public sealed partial class StreamTests(ModuleFixture module) : RunspaceTest(module)
{
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Disconnect();
        }

        base.Dispose(disposing);
    }

    [GeneratedRegex(@"^HTTP GET (?<url>https://127\.0\.0\.1:\d+/partner/v1/analytics/referrals\?\S+) -> 200 OK in \d+ ms \(MS-RequestId (?<request>[0-9a-f-]{36}), MS-CorrelationId (?<correlation>[0-9a-f-]{36})\)$")]
    private static partial Regex RequestLine();

    /// <summary>Signs in with an access token the emulator issued, so the test knows exactly which text must never appear.</summary>
    private string ConnectWithKnownToken()
    {
        Disconnect();
        var token = Module.Server.Tokens.IssueUserToken();
        Session.Run(
            "Connect-PartnerReferrals -Environment Emulator -EmulatorFile $emulatorFile -AccessToken (ConvertTo-SecureString -String $token -AsPlainText -Force) | Out-Null",
            ("token", token)).AssertNoErrors();
        Session.Run("Remove-Variable -Name token").AssertNoErrors();
        return token;
    }

    [Fact]
    public void Debug_shows_one_host_line_per_request_with_method_url_status_and_the_ids_the_service_received()
    {
        ConnectWithKnownToken();
        var before = Module.Server.Requests.Count;

        var result = Session.Run("Get-PartnerReferral -First 20 -PageSize 10 -Debug").AssertNoErrors();

        // Typed -Debug would make PowerShell ask after each line of a compiled cmdlet, so the trace goes to the host.
        Assert.Empty(result.Debug);
        AssertRequestLines(HostLines(result, "DEBUG: "), Module.Server.Requests.Since(before));
    }

    [Fact]
    public void DebugPreference_Continue_writes_the_same_request_lines_as_debug_records()
    {
        ConnectWithKnownToken();
        var before = Module.Server.Requests.Count;

        var result = Session.Run("$DebugPreference = 'Continue'; Get-PartnerReferral -First 20 -PageSize 10").AssertNoErrors();

        Assert.Empty(HostLines(result, string.Empty));
        AssertRequestLines(result.Debug, Module.Server.Requests.Since(before));
    }

    /// <summary>One line per request the service received, with its URL and ids; one correlation id for the operation.</summary>
    private static void AssertRequestLines(IReadOnlyList<string> trace, List<RecordedRequest> requests)
    {
        var lines = trace.Select(d => RequestLine().Match(d)).Where(m => m.Success).ToList();
        Assert.NotEmpty(requests);
        Assert.Equal(requests.Count, lines.Count);
        Assert.Equal(requests.Select(r => r.Header("MS-RequestId")).Order(StringComparer.Ordinal), lines.Select(m => m.Groups["request"].Value).Order(StringComparer.Ordinal));
        Assert.Equal(requests.Select(r => r.PathAndQuery).Order(StringComparer.Ordinal), lines.Select(m => new Uri(m.Groups["url"].Value).PathAndQuery).Order(StringComparer.Ordinal));
        // One operation: one correlation id across its requests, the one the service received.
        var correlation = Assert.Single(lines.Select(m => m.Groups["correlation"].Value).Distinct());
        Assert.All(requests, r => Assert.Equal(correlation, r.Header("MS-CorrelationId")));
    }

    /// <summary>
    /// The lines the module wrote to the host as Write-Host does (information stream, tag PSHOST) that begin with
    /// <paramref name="prefix"/>, without it.
    /// </summary>
    private static List<string> HostLines(ScriptResult result, string prefix) =>
        [.. result.Information
            .Where(i => i.Tags.Contains("PSHOST"))
            .Select(i => i.MessageData is HostInformationMessage host ? host.Message : i.MessageData?.ToString() ?? string.Empty)
            .Where(m => m.StartsWith(prefix, StringComparison.Ordinal))
            .Select(m => m[prefix.Length..])];

    [Fact]
    public void Verbose_reports_each_page_and_leaves_the_request_lines_to_Debug()
    {
        ConnectWithKnownToken();

        var result = Session.Run("Get-PartnerReferral -First 20 -PageSize 10 -Verbose").AssertNoErrors();

        Assert.Equal(["Page skip=0 top=10: 10 rows", "Page skip=10 top=10: 10 rows"], result.Verbose.Select(v => v[..v.IndexOf(" in ", StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
        Assert.Empty(result.Debug);
    }

    [Fact]
    public void No_stream_shows_the_access_token_with_Verbose_and_Debug_on_for_queries_errors_and_the_context()
    {
        var token = ConnectWithKnownToken();

        var result = Session.Run("""
            $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
            Get-PartnerReferralsContext | Format-List * | Out-String
            Get-PartnerReferral -First 15 -PageSize 5
            Get-PartnerReferralSummary -GroupBy status
            Get-PartnerReferral -Filter "not (status eq 'Won')"
            Get-PartnerReferralSummary -GroupBy colour
            Get-PartnerReferralsContext | ConvertTo-Json
            """);

        Assert.NotEmpty(result.Debug);
        Assert.Equal(2, result.Errors.Count);
        var signature = token[(token.LastIndexOf('.') + 1)..];
        Assert.All(result.AllText(), text =>
        {
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(signature, text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void No_host_line_under_Debug_shows_the_access_token_for_queries_and_errors()
    {
        var token = ConnectWithKnownToken();

        var result = Session.Run("""
            Get-PartnerReferral -First 15 -PageSize 5 -Debug
            Get-PartnerReferral -Filter "not (status eq 'Won')" -Debug
            Get-PartnerReferralsContext -Debug | Format-List * | Out-String
            """);

        Assert.Single(result.Errors);
        var trace = HostLines(result, "DEBUG: ");
        Assert.Equal(3, trace.Count(d => RequestLine().IsMatch(d)));
        Assert.Contains(trace, d => d.StartsWith("HTTP GET ", StringComparison.Ordinal) && d.Contains(" -> 400 ", StringComparison.Ordinal));
        var signature = token[(token.LastIndexOf('.') + 1)..];
        Assert.All(result.AllText().Concat(HostLines(result, string.Empty)), text =>
        {
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(signature, text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_device_code_sign_in_shows_no_token_in_any_stream()
    {
        Disconnect();

        // -WarningAction Continue: under -Debug PowerShell asks before each warning, and this host cannot ask.
        var result = Session.Run(ModuleFixture.ConnectScript + " -Verbose -Debug -WarningAction Continue; Get-PartnerReferral -First 3 -Verbose -Debug; Get-PartnerReferralsContext | Format-List * | Out-String").AssertNoErrors();

        Assert.Contains(result.Verbose, v => v.StartsWith("Signed in as ", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("/devicelogin", StringComparison.Ordinal));
        Assert.Contains(HostLines(result, "DEBUG: "), d => RequestLine().IsMatch(d));
        // Every token the emulator issues is a JWT: its header always begins with these characters.
        Assert.DoesNotContain(result.AllText(), text => text.Contains("eyJ", StringComparison.Ordinal));
    }

    [Fact]
    public void Connect_by_device_code_with_Debug_signs_in_in_a_host_that_cannot_prompt()
    {
        Disconnect();

        var result = Session.Run(ModuleFixture.ConnectScript + " -Debug").AssertNoErrors();

        Assert.Equal("DeviceCode", Assert.Single(result.Output).Properties["SignInMethod"].Value);
        // Under -Debug the warning and verbose lines are host lines too, since as records they would make PowerShell ask.
        Assert.Empty(result.Warnings);
        Assert.Empty(result.Verbose);
        Assert.Contains(HostLines(result, "WARNING: "), w => w.Contains("/devicelogin", StringComparison.Ordinal));
        Assert.Contains(HostLines(result, "VERBOSE: "), v => v.StartsWith("Signed in as ", StringComparison.Ordinal));
    }

    [Fact]
    public void Debug_in_a_host_that_cannot_prompt_writes_the_lines_and_does_not_stop_the_pull()
    {
        // Since PowerShell 7, -Debug means $DebugPreference = 'Continue' for the command, not 'Inquire'.
        ConnectWithKnownToken();

        var result = Session.Run("Get-PartnerReferral -First 5 -Debug; $DebugPreference").AssertNoErrors();

        Assert.Equal(5, result.Output.Count - 1);
        Assert.Equal("SilentlyContinue", result.Output[^1].ToString());
        Assert.Contains(HostLines(result, "DEBUG: "), d => RequestLine().IsMatch(d));
    }

    [Fact]
    public void DebugPreference_Inquire_in_a_host_without_a_user_interface_writes_the_lines_as_Write_Debug_does()
    {
        // Recorded as PowerShell behaves here: the SDK's default host has no UI to ask with, so Inquire goes on. The
        // console host started with -NonInteractive instead fails any Inquire ("PowerShell is in NonInteractive mode").
        ConnectWithKnownToken();

        var inquire = Session.Run("$DebugPreference = 'Inquire'; Get-PartnerReferral -First 5").AssertNoErrors();
        var writeDebug = Session.Run("$DebugPreference = 'Inquire'; Write-Debug 'plain'").AssertNoErrors();

        Assert.Equal(5, inquire.Output.Count);
        Assert.Contains(inquire.Debug, d => RequestLine().IsMatch(d));
        Assert.Equal(["plain"], writeDebug.Debug);
    }
}
