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
    public void Help_returns_no_options() => Assert.Null(EmulatorCommandLine.Parse(["--help"]));

    [Fact]
    public async Task Main_exits_with_2_for_bad_arguments() => Assert.Equal(2, await Program.Main(["--referrals", "x"]));
}
