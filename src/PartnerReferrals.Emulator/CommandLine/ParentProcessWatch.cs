using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Stops the command-line emulator when the process that started it is gone, however it went (killed, crashed,
/// interrupted before its cleanup ran): the emulator then stops cleanly, so its published file goes with it.
/// </summary>
internal static class ParentProcessWatch
{
    /// <summary>Cancels <paramref name="stop"/> when process <paramref name="processId"/> exits; null when it cannot be watched.</summary>
    public static Task? Start(int processId, CancellationTokenSource stop)
    {
        Process parent;
        try
        {
            parent = Process.GetProcessById(processId);
            if (parent.HasExited)
            {
                parent.Dispose();
                return null;
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Win32Exception)
        {
            return null;
        }

        return WatchAsync(parent, processId, stop);
    }

    private static async Task WatchAsync(Process parent, int processId, CancellationTokenSource stop)
    {
        using (parent)
        {
            try
            {
                await parent.WaitForExitAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // the emulator is stopping for another reason
            }
        }

        Console.WriteLine($"The parent process {processId} has exited.");
        try
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The emulator stopped meanwhile.
        }
    }
}
