using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Hosting;

namespace PartnerReferrals.Engine.Diagnostics;

/// <summary>Puts every text line an operation writes through <see cref="Redactor"/> on its way to the host.</summary>
internal sealed class RedactingOutput : IEngineOutput
{
    private readonly IEngineOutput inner;

    public RedactingOutput(IEngineOutput inner) => this.inner = inner;

    public Task WriteObjectAsync(object item, CancellationToken cancellationToken) => inner.WriteObjectAsync(item, cancellationToken);

    public Task WriteObjectsAsync(IReadOnlyList<object> items, CancellationToken cancellationToken) => inner.WriteObjectsAsync(items, cancellationToken);

    public void WriteVerbose(string message) => inner.WriteVerbose(Redactor.Redact(message));

    public void WriteDebug(string message) => inner.WriteDebug(Redactor.Redact(message));

    public void WriteWarning(string message) => inner.WriteWarning(Redactor.Redact(message));

    public void WriteProgress(ProgressReport report) => inner.WriteProgress(report);

    public void WriteTotalCount(long totalCount) => inner.WriteTotalCount(totalCount);

    public void WriteError(PartnerReferralsException error) => inner.WriteError(error);
}
