using System.Net;
using System.Net.Http;
using System.Text;

namespace PartnerReferrals.Engine.Tests.Fakes;

/// <summary>
/// A body that counts how often it is opened and how many bytes are read from it. It can declare its length
/// (Content-Length) or not (chunked), and deliver fewer bytes than it declares (a connection dropped mid-body).
/// </summary>
internal sealed class CountingContent : HttpContent
{
    private readonly byte[] body;
    private readonly int delivered;
    private readonly bool declareLength;
    private int opens;
    private long bytesRead;

    public CountingContent(string json, bool declareLength = true, int? deliver = null)
    {
        body = Encoding.UTF8.GetBytes(json);
        delivered = deliver ?? body.Length;
        this.declareLength = declareLength;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    public int Opens => Volatile.Read(ref opens);

    public long BytesRead => Interlocked.Read(ref bytesRead);

    public int Length => body.Length;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        Interlocked.Increment(ref opens);
        Interlocked.Add(ref bytesRead, delivered);
        await stream.WriteAsync(body.AsMemory(0, delivered));
    }

    protected override Task<Stream> CreateContentReadStreamAsync()
    {
        Interlocked.Increment(ref opens);
        return Task.FromResult<Stream>(new CountingStream(this, body, delivered));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return declareLength;
    }

    private sealed class CountingStream(CountingContent owner, byte[] body, int delivered) : MemoryStream(body, 0, delivered, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            Interlocked.Add(ref owner.bytesRead, read);
            return read;
        }
    }
}
