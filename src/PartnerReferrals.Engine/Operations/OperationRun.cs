using System;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Diagnostics;
using PartnerReferrals.Engine.Hosting;

namespace PartnerReferrals.Engine.Operations;

/// <summary>
/// <see cref="EngineRunner"/> plus the two guarantees every operation owes the user: every text line is
/// redacted on its way to the host, and a terminating error's message is too.
/// </summary>
internal static class OperationRun
{
    public static T Run<T>(IEngineHost host, CancellationToken cancellationToken, Func<IEngineOutput, CancellationToken, Task<T>> work)
    {
        try
        {
            return EngineRunner.Run(host, (output, token) => work(new RedactingOutput(output), token), cancellationToken);
        }
        catch (PartnerReferralsException ex) when (!ReferenceEquals(Redactor.Sanitize(ex), ex))
        {
            throw Redactor.Sanitize(ex);
        }
    }

    public static void Run(IEngineHost host, CancellationToken cancellationToken, Func<IEngineOutput, CancellationToken, Task> work) =>
        Run<bool>(host, cancellationToken, async (output, token) =>
        {
            await work(output, token).ConfigureAwait(false);
            return true;
        });
}
