using System;

namespace PartnerReferrals.Engine.Hosting;

/// <summary>
/// A stop (Ctrl+C) with something to tell: what the stopped operation left behind, such as a file kept as it was. The
/// host shows <see cref="Exception.Message"/> once the stop is done; a plain cancellation has nothing to say.
/// </summary>
public sealed class StoppedException : OperationCanceledException
{
    public StoppedException(string message, OperationCanceledException stop)
        : base(message, stop, (stop ?? throw new ArgumentNullException(nameof(stop))).CancellationToken)
    {
    }
}
