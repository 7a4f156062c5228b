using System.Globalization;
using System.Text.Json;

namespace PartnerReferrals.Benchmarks;

/// <summary>The child side: <c>--child emulator</c> serves; <c>--child memory</c> pulls once and reports its memory.</summary>
internal static class ChildMain
{
    public static async Task<int> RunAsync(CommandLine command)
    {
        switch (command.Child)
        {
            case "emulator":
                await ServeAsync(command.Int("--rows"));
                return 0;
            case "memory":
                var result = await MemoryPull.RunAsync(ConnectionOf(command), command.Int("--rows"), command.Int("--page-size"), command.Int("--concurrency"));
                Console.Out.WriteLine("RESULT " + JsonSerializer.Serialize(result, ChildJson.Options));
                return 0;
            case "pull":
                await RepeatPullAsync(command);
                return 0;
            default:
                await Console.Error.WriteLineAsync("Unknown child '" + command.Child + "': expected emulator, memory or pull.");
                return 2;
        }
    }

    private static Connection ConnectionOf(CommandLine command) => new(
        new Uri(command.Text("--base-url")),
        command.Text("--thumbprint"),
        Environment.GetEnvironmentVariable(Connection.TokenVariable) ?? throw new InvalidOperationException(Connection.TokenVariable + " is not set."));

    /// <summary>
    /// One pull of scenario 1, repeated: a process to point a sampling profiler at (perf with DOTNET_PerfMapEnabled=1).
    /// <c>--pull</c> is a, b, b2, c or d.
    /// </summary>
    private static async Task RepeatPullAsync(CommandLine command)
    {
        var rows = command.Int("--rows");
        using var pulls = new ReferralPulls(ConnectionOf(command), rows, command.Int("--page-size"), command.Int("--concurrency"));
        Func<Task<long>> pull = command.Text("--pull") switch
        {
            "a" => pulls.RawBytesAsync,
            "b" => pulls.RawBytesAndJsonReaderAsync,
            "b2" => pulls.RawBytesAndJsonDocumentAsync,
            "c" => pulls.EngineStreamAsync,
            "d" => () => Task.Run(pulls.EntryPoint),
            var other => throw new ArgumentException("--pull " + other + ": expected a, b, b2, c or d."),
        };
        var what = "pull " + command.Text("--pull");
        Measure.Check(what, await pull(), rows);
        var samples = new List<Sample>();
        for (var i = 0; i < command.Int("--repeat"); i++)
        {
            var sample = await Measure.OnceAsync(what, pull, rows);
            samples.Add(sample);
            // Each run's own figures, so an experiment can be judged on CPU and GC, not wall time alone.
            Console.Out.WriteLine(BenchReport.Invariant($"RUN wall {sample.Seconds:0.000} s, cpu {sample.CpuSeconds:0.000} s, gc pause {sample.GcPauseSeconds:0.000} s, gc {sample.Gen0}/{sample.Gen1}/{sample.Gen2}, {(double)sample.AllocatedBytes / rows:0.0} B/row"));
        }

        Console.Out.WriteLine(BenchReport.Invariant($"RESULT median wall {Measure.Median(samples.Select(s => s.Seconds).ToArray()):0.000} s, median cpu {Measure.Median(samples.Select(s => s.CpuSeconds).ToArray()):0.000} s"));
    }

    private static async Task ServeAsync(int rows)
    {
        await using var emulator = await BenchEmulator.StartAsync(rows);
        var connection = emulator.Connection;
        var ready = new EmulatorReady(connection.BaseAddress.ToString(), connection.Thumbprint, connection.Token, emulator.PublishFile ?? string.Empty);
        Console.Out.WriteLine("READY " + JsonSerializer.Serialize(ready, ChildJson.Options));
        Console.Out.Flush();
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[0] == "latency")
            {
                emulator.Server.Faults.Latency = TimeSpan.FromMilliseconds(long.Parse(parts[1], CultureInfo.InvariantCulture));
                Console.Out.WriteLine("OK");
                Console.Out.Flush();
            }
        }
    }
}
