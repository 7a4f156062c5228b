using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace PartnerReferrals.Emulator;

/// <summary>Command-line entry point: starts the emulator and runs it until Ctrl+C, SIGTERM or the end of its parent process.</summary>
public static class Program
{
    /// <summary>Exit codes: 0 after a clean stop, 1 when the emulator cannot start, 2 for bad arguments.</summary>
    public static async Task<int> Main(string[] args)
    {
        EmulatorOptions? options;
        try
        {
            options = EmulatorCommandLine.Parse(args);
        }
        catch (CommandLineException e)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return 2;
        }

        if (options is null)
        {
            Console.WriteLine(EmulatorCommandLine.Usage);
            return 0;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // stop cleanly so the published file is removed
            stop.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        if (options.ParentProcessId is { } parent && ParentProcessWatch.Start(parent, stop) is null)
        {
            await Console.Error.WriteLineAsync($"error: --parent-process-id: no running process has the id {parent}.").ConfigureAwait(false);
            return 2;
        }

        var clock = Stopwatch.StartNew();
        EmulatorServer server;
        try
        {
            server = await EmulatorServer.StartAsync(options, stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or FormatException or CryptographicException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync("error: the emulator could not start: " + e.Message).ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException)
        {
            return 0;
        }

        await using (server.ConfigureAwait(false))
        {
            Console.WriteLine($"PartnerReferrals emulator: {server.Referrals.Count} referrals, started in {clock.ElapsedMilliseconds} ms");
            if (server.DataDates is ({ } oldest, { } newest))
            {
                // Says which dates exist, so a date filter that finds nothing is not a mystery.
                Console.WriteLine(FormattableString.Invariant($"  dates:       {oldest:yyyy-MM-dd} to {newest:yyyy-MM-dd'T'HH:mm:ss'Z'} (UTC)"));
            }

            Console.WriteLine($"  base URL:    {server.BaseAddress}");
            Console.WriteLine($"  co-sell:     {server.CoSellReferralCount} referrals at {server.BaseAddress}v1.0/engagements/referrals ({(options.CoSellRole == CoSellRole.None ? "no Referrals role" : "Referrals " + options.CoSellRole)})");
            Console.WriteLine($"  authority:   {server.Authority}");
            Console.WriteLine($"  tenant:      {server.TenantId}");
            Console.WriteLine($"  thumbprint:  {server.CertificateThumbprint} (SHA-256)");
            Console.WriteLine($"  published:   {server.PublishedFile}");
            Console.WriteLine($"  client secret for confidential clients: {options.ClientSecret}");
            Console.WriteLine("Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping.");
            }
        }

        return 0;
    }
}
