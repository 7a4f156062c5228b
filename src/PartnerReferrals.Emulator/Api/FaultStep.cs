using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>Writes an API's own error body for a status and a message.</summary>
internal delegate Task ErrorBodyWriter(HttpContext context, int status, string message);

/// <summary>
/// The injected gateway faults every API of the emulator shares (latency, dropped connections, 429 with
/// Retry-After, 500/503), drawn from the instance's seeded dice. They strike before authentication, as a gateway
/// in front of the service would; each API writes its own error body.
/// </summary>
internal static class FaultStep
{
    /// <summary>True when a fault answered (or dropped) the request, which is then recorded.</summary>
    public static async Task<bool> InjectAsync(HttpContext context, EmulatorState state, RecordedRequest record, ErrorBodyWriter writeError)
    {
        var faults = state.Faults;
        if (faults.Latency > TimeSpan.Zero)
        {
            record.Fault = "latency";
            await Task.Delay(faults.Latency, context.RequestAborted).ConfigureAwait(false);
        }

        if (state.Dice.Roll(faults.DropConnectionRatio))
        {
            record.Fault = "drop";
            state.Requests.Add(record);
            context.Abort();
            return true;
        }

        if (state.Dice.Roll(faults.ThrottleRatio))
        {
            record.Fault = "throttle";
            var seconds = faults.RetryAfterSeconds;
            context.Response.Headers.RetryAfter = faults.RetryAfterAsDate
                ? DateTimeOffset.UtcNow.AddSeconds(seconds).ToString("r", CultureInfo.InvariantCulture)
                : seconds.ToString(CultureInfo.InvariantCulture);
            await AnswerAsync(context, state, record, writeError, StatusCodes.Status429TooManyRequests,
                $"Rate limit is exceeded. Try again in {seconds} seconds.").ConfigureAwait(false);
            return true;
        }

        if (state.Dice.Roll(faults.ServerErrorRatio))
        {
            record.Fault = "server-error";
            var status = state.Dice.CoinFlip() ? StatusCodes.Status500InternalServerError : StatusCodes.Status503ServiceUnavailable;
            await AnswerAsync(context, state, record, writeError, status, status == 500
                ? "An internal error occurred (injected by the emulator)."
                : "The service is temporarily unavailable (injected by the emulator).").ConfigureAwait(false);
            return true;
        }

        return false;
    }

    private static Task AnswerAsync(HttpContext context, EmulatorState state, RecordedRequest record, ErrorBodyWriter writeError, int status, string message)
    {
        record.StatusCode = status;
        state.Requests.Add(record);
        return writeError(context, status, message);
    }
}
