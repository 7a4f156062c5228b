using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PartnerReferrals.Engine.Http;

/// <summary>
/// Reads a body completely into one pooled buffer: sized from Content-Length when the server sends it, else from
/// the last body seen (pages of a query are about the same size), doubled only when that is too small.
/// </summary>
internal sealed class BodyLoader
{
    // Page bodies are ~400 bytes a row, 10,000 rows at most: 32 MiB covers them; anything larger is allocated, not pooled.
    private const int LargestPooled = 32 * 1024 * 1024;
    private const int SmallestBuffer = 16 * 1024;

    private readonly ArrayPool<byte> pool;
    private int sizeHint = SmallestBuffer;

    /// <param name="pagesInFlight">How many bodies can be alive at once: the pool keeps that many of each size.</param>
    public BodyLoader(int pagesInFlight)
        : this(ArrayPool<byte>.Create(LargestPooled, Math.Max(1, pagesInFlight)))
    {
    }

    internal BodyLoader(ArrayPool<byte> pool) => this.pool = pool;

    public async Task<BufferedBodyContent> LoadAsync(HttpContent original, CancellationToken cancellationToken)
    {
        var expected = original.Headers.ContentLength;
        if (expected > int.MaxValue)
        {
            throw new HttpRequestException(string.Format(CultureInfo.InvariantCulture, "The response body of {0} bytes is too large to read.", expected));
        }

        // At least one byte, so what goes back to the pool is always a buffer of its own, never the shared empty array.
        var buffer = pool.Rent(expected is { } length ? Math.Max((int)length, 1) : Math.Max(Volatile.Read(ref sizeHint), SmallestBuffer));
        var count = 0;
        try
        {
            using (var stream = await original.ReadAsStreamAsync().ConfigureAwait(false))
            {
                while (expected is null || count < expected)
                {
                    if (count == buffer.Length)
                    {
                        buffer = Grow(buffer, count);
                    }

                    var read = await stream.ReadAsync(buffer, count, buffer.Length - count, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    count += read;
                }
            }

            if (count < expected)
            {
                // A connection dropped mid-body: a network fault, retried like any other.
                throw new IOException(string.Format(CultureInfo.InvariantCulture, "The response body ended after {0} of {1} bytes.", count, expected));
            }

            Volatile.Write(ref sizeHint, count);
            var content = new BufferedBodyContent(buffer, count, pool, original.Headers);
            buffer = null;
            return content;
        }
        finally
        {
            if (buffer is not null)
            {
                pool.Return(buffer);
            }
        }
    }

    private byte[] Grow(byte[] buffer, int count)
    {
        var larger = pool.Rent(checked(buffer.Length * 2));
        Buffer.BlockCopy(buffer, 0, larger, 0, count);
        pool.Return(buffer);
        return larger;
    }
}
