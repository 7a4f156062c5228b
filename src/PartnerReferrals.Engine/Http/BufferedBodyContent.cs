using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace PartnerReferrals.Engine.Http;

/// <summary>
/// A response body read once, by the retry handler inside the attempt, into a buffer rented from a pool; the page
/// parser reads it in place through <see cref="ReadBodyAsync"/>, so a 4 MB page is neither copied nor allocated
/// again. Disposing the content (or its response) returns the buffer: nothing may read the body after that.
/// </summary>
internal sealed class BufferedBodyContent : HttpContent
{
    private readonly ArrayPool<byte>? pool;
    private readonly int count;
    private byte[]? buffer;

    public BufferedBodyContent(byte[] buffer, int count, ArrayPool<byte>? pool, HttpContentHeaders? headers)
    {
        this.buffer = buffer;
        this.count = count;
        this.pool = pool;
        if (headers is not null)
        {
            foreach (var header in headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
    }

    /// <summary>
    /// The body without a copy when the retry handler buffered it, otherwise read as an array (a pipeline
    /// without the retry handler, as in tests). Valid until the response is disposed.
    /// </summary>
    public static async Task<ArraySegment<byte>> ReadBodyAsync(HttpContent? content)
    {
        if (content is null)
        {
            return new ArraySegment<byte>([]);
        }

        if (content is BufferedBodyContent buffered)
        {
            return new ArraySegment<byte>(buffered.Live(), 0, buffered.count);
        }

        return new ArraySegment<byte>(await content.ReadAsByteArrayAsync().ConfigureAwait(false));
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(Live(), 0, count);

    // A stream over the buffer, not a copy; HttpContent disposes the stream it handed out when it is disposed itself.
    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(Live(), 0, count, writable: false));

    protected override bool TryComputeLength(out long length)
    {
        length = count;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        // Exchange, not a check: the attempt's timeout may dispose the response on another thread at the same time.
        if (disposing && Interlocked.Exchange(ref buffer, null) is { } rented)
        {
            pool?.Return(rented);
        }

        base.Dispose(disposing);
    }

    private byte[] Live() => buffer ?? throw new ObjectDisposedException(nameof(BufferedBodyContent));
}
