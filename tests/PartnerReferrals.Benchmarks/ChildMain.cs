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
                var connection = new Connection(
                    new Uri(command.Text("--base-url")),
                    command.Text("--thumbprint"),
                    Environment.GetEnvironmentVariable(Connection.TokenVariable) ?? throw new InvalidOperationException(Connection.TokenVariable + " is not set."));
                var result = await MemoryPull.RunAsync(connection, command.Int("--rows"), command.Int("--page-size"), command.Int("--concurrency"));
                Console.Out.WriteLine("RESULT " + JsonSerializer.Serialize(result, ChildJson.Options));
                return 0;
            default:
                await Console.Error.WriteLineAsync("Unknown child '" + command.Child + "': expected emulator or memory.");
                return 2;
        }
    }

    private static async Task ServeAsync(int rows)
    {
        await using var emulator = await BenchEmulator.StartAsync(rows);
        var connection = emulator.Connection;
        var ready = new EmulatorReady(connection.BaseAddress.ToString(), connection.Thumbprint, connection.Token);
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
