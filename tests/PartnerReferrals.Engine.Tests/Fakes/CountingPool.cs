using System.Buffers;
using System.Collections.Concurrent;

namespace PartnerReferrals.Engine.Tests.Fakes;

/// <summary>A buffer pool that says what is still rented, and keeps what came back so a test can scribble on it.</summary>
internal sealed class CountingPool : ArrayPool<byte>
{
    private readonly ConcurrentDictionary<byte[], bool> rented = new(ReferenceEqualityComparer.Instance);

    public int Outstanding => rented.Count;

    public int Rents { get; private set; }

    public ConcurrentBag<byte[]> Returned { get; } = [];

    public override byte[] Rent(int minimumLength)
    {
        var buffer = new byte[minimumLength];
        rented[buffer] = true;
        Rents++;
        return buffer;
    }

    public override void Return(byte[] array, bool clearArray = false)
    {
        Assert.True(rented.TryRemove(array, out _), "A buffer was returned twice, or was never rented.");
        Returned.Add(array);
    }
}
