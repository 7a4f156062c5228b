namespace PartnerReferrals.Emulator.Tests;

public class CommandLineTests
{
    [Theory]
    [InlineData(new[] { "--referrals", "lots" }, "--referrals: 'lots' is not a whole number")]
    [InlineData(new[] { "--referrals", "-5" }, "--referrals: '-5'")]
    [InlineData(new[] { "--port", "70000" }, "--port: '70000'")]
    [InlineData(new[] { "--throttle", "1.5" }, "--throttle: '1.5' is not a ratio from 0 to 1")]
    [InlineData(new[] { "--drop=abc" }, "--drop: 'abc'")]
    [InlineData(new[] { "--data", "/no/such/file.json" }, "--data: the file '/no/such/file.json' does not exist")]
    [InlineData(new[] { "--seed" }, "--seed: a value is missing")]
    [InlineData(new[] { "--colour", "red" }, "--colour: unknown argument")]
    [InlineData(new[] { "--token-lifetime", "0" }, "--token-lifetime: '0'")]
    [InlineData(new[] { "--parent-process-id", "0" }, "--parent-process-id: '0' is not a whole number from 1")]
    [InlineData(new[] { "--shift", "grow:5@1" }, "--shift: 'grow:5@1' is not kind:rows@requests")]
    [InlineData(new[] { "--fail-status", "200" }, "--fail-status: '200'")]
    [InlineData(new[] { "--cycle-next-link", "0" }, "--cycle-next-link: '0'")]
    [InlineData(new[] { "--refresh-token-lifetime", "0" }, "--refresh-token-lifetime: '0' is not a whole number from 1")]
    [InlineData(new[] { "--as-of", "05/12/2026" }, "--as-of: '05/12/2026' is not an ISO 8601 date")]
    [InlineData(new[] { "--as-of", "1975-01-01" }, "--as-of: '1975-01-01' is not an ISO 8601 date from 1980 to 2100")]
    [InlineData(new[] { "--as-of" }, "--as-of: a value is missing")]
    public void Bad_arguments_give_a_one_line_message_naming_the_argument(string[] args, string expected)
    {
        var error = Assert.Throws<CommandLineException>(() => EmulatorCommandLine.Parse(args));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Arguments_set_the_options_and_the_command_line_defaults()
    {
        var options = EmulatorCommandLine.Parse(
            ["--referrals", "50000", "--seed=9", "--port", "5443", "--token-lifetime", "120", "--latency", "250", "--throttle", "0.1",
             "--server-errors", "0.2", "--drop", "0.05", "--truncate", "0.01", "--publish", "/tmp/e.json"])!;
        Assert.Equal(50000, options.ReferralCount);
        Assert.Equal(9, options.Seed);
        Assert.Equal(5443, options.Port);
        Assert.Equal(TimeSpan.FromSeconds(120), options.TokenLifetime);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Faults.Latency);
        Assert.Equal(0.1, options.Faults.ThrottleRatio);
        Assert.Equal(0.2, options.Faults.ServerErrorRatio);
        Assert.Equal(0.05, options.Faults.DropConnectionRatio);
        Assert.Equal(0.01, options.Faults.TruncateBodyRatio);
        Assert.Equal("/tmp/e.json", options.PublishFile);
        Assert.Equal(EmulatorPaths.CertificateFile, options.CertificateFile);
        Assert.True(options.ShowSignInPage);
    }

    [Fact]
    public void Sign_in_arguments_set_the_refresh_token_lifetime_and_mfa_and_default_to_entra()
    {
        var defaults = EmulatorCommandLine.Parse([])!;
        Assert.Equal(TimeSpan.FromDays(90), defaults.RefreshTokenLifetime);
        Assert.True(defaults.SignInWithMfa);
        Assert.False(defaults.RequireMfa);

        var options = EmulatorCommandLine.Parse(["--refresh-token-lifetime", "30", "--no-mfa", "--require-mfa"])!;
        Assert.Equal(TimeSpan.FromSeconds(30), options.RefreshTokenLifetime);
        Assert.False(options.SignInWithMfa);
        Assert.True(options.RequireMfa);
    }

    [Theory]
    [InlineData("2026-06-30", "2026-06-30T00:00:00.0000000+00:00")]
    [InlineData("2026-06-30T12:30:05", "2026-06-30T12:30:05.0000000+00:00")]
    [InlineData("2026-06-30T12:30:05Z", "2026-06-30T12:30:05.0000000+00:00")]
    [InlineData("2026-06-30T14:30:05+02:00", "2026-06-30T12:30:05.0000000+00:00")]
    public void As_of_takes_an_iso_8601_date_in_utc_and_is_absent_by_default(string text, string expected)
    {
        Assert.Equal(expected, EmulatorCommandLine.Parse(["--as-of", text])!.AsOf!.Value.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(EmulatorCommandLine.Parse([])!.AsOf);
    }

    // Issue 21 item 6: the process's folder decides where a relative path lands, and the path is kept whole.
    [Fact]
    public void Relative_paths_are_made_absolute_against_the_current_folder()
    {
        var data = Path.GetTempFileName();
        var relativeData = Path.GetRelativePath(Environment.CurrentDirectory, data);
        try
        {
            var options = EmulatorCommandLine.Parse(["--publish", "./emulator.json", "--request-log", "logs/requests.log", "--data", relativeData])!;
            Assert.Equal(Path.Combine(Environment.CurrentDirectory, "emulator.json"), options.PublishFile);
            Assert.Equal(Path.Combine(Environment.CurrentDirectory, "logs", "requests.log"), options.RequestLogFile);
            Assert.Equal(data, options.DataFile);
        }
        finally
        {
            File.Delete(data);
        }
    }

    [Theory]
    [InlineData("--as-of <date>")]
    [InlineData("--refresh-token-lifetime <s>")]
    [InlineData("--no-mfa ")]
    [InlineData("--require-mfa ")]
    [InlineData("--cosell-referrals <n>")]
    [InlineData("--cosell-role <role>")]
    [InlineData("--cosell-user-may-update ")]
    [InlineData("--cosell-clock-offset <days>")]
    public void Help_lists_the_sign_in_and_data_options(string option) => Assert.Contains("  " + option, EmulatorCommandLine.Usage, StringComparison.Ordinal);

    [Fact]
    public void Every_option_help_lists_is_one_the_parser_knows()
    {
        var listed = System.Text.RegularExpressions.Regex.Matches(EmulatorCommandLine.Usage, @"^\s+(--[a-z-]+)", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).Where(o => o != "--help").ToList();
        Assert.True(listed.Count > 20, string.Join(' ', listed));
        foreach (var option in listed)
        {
            // A value that fits no option: a known option complains about its value (or takes none), an unknown one about itself.
            var error = Record.Exception(() => EmulatorCommandLine.Parse([option + "=!"]));
            Assert.False(error is CommandLineException && error.Message.Contains("unknown argument", StringComparison.Ordinal), option);
        }
    }

    [Fact]
    public void The_parent_process_id_is_taken_and_absent_by_default()
    {
        Assert.Equal(4242, EmulatorCommandLine.Parse(["--parent-process-id", "4242"])!.ParentProcessId);
        Assert.Null(EmulatorCommandLine.Parse([])!.ParentProcessId);
    }

    [Fact]
    public void Fault_arguments_set_retry_after_shift_cycle_total_count_and_failures()
    {
        var options = EmulatorCommandLine.Parse(
            ["--retry-after", "900", "--retry-after-date", "--no-total-count", "--cycle-next-link", "3", "--shift", "move:250@4", "--fail-after", "2", "--fail-status", "503"])!;
        Assert.Equal(900, options.Faults.RetryAfterSeconds);
        Assert.True(options.Faults.RetryAfterAsDate);
        Assert.True(options.Faults.OmitTotalCount);
        Assert.Equal(3, options.Faults.CycleNextLinkAtPage);
        Assert.Equal(new DataShift(DataShiftKind.Move, 250, 4), options.Shift);
        Assert.Equal(2, options.Faults.FailAfterRequests);
        Assert.Equal(503, options.Faults.FailStatus);
    }

    [Fact]
    public void Co_sell_arguments_set_the_count_the_role_the_update_switch_and_the_clock()
    {
        var options = EmulatorCommandLine.Parse(["--cosell-referrals", "1200", "--cosell-role", "user", "--cosell-user-may-update", "--cosell-clock-offset", "15"])!;

        Assert.Equal((1200, CoSellRole.User, true, TimeSpan.FromDays(15)), (options.CoSellReferralCount, options.CoSellRole, options.CoSellUserMayUpdate, options.CoSellClockOffset));
        Assert.Equal((300, CoSellRole.Admin, false), (EmulatorCommandLine.Parse([])!.CoSellReferralCount, EmulatorCommandLine.Parse([])!.CoSellRole, EmulatorCommandLine.Parse([])!.CoSellUserMayUpdate));
        Assert.Equal(CoSellRole.None, EmulatorCommandLine.Parse(["--cosell-role", "none"])!.CoSellRole);
        Assert.Throws<CommandLineException>(() => EmulatorCommandLine.Parse(["--cosell-role", "Owner"]));
        Assert.Throws<CommandLineException>(() => EmulatorCommandLine.Parse(["--cosell-role", "1"]));
    }

    [Fact]
    public void Help_returns_no_options() => Assert.Null(EmulatorCommandLine.Parse(["--help"]));

    [Fact]
    public async Task Main_exits_with_2_for_bad_arguments() => Assert.Equal(2, await Program.Main(["--referrals", "x"]));
}
