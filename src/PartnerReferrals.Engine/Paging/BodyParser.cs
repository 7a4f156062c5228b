using System;

namespace PartnerReferrals.Engine.Paging;

/// <summary>Parses a page body where it lies: a slice of a pooled buffer, not an array of its own.</summary>
internal delegate Page<T> SpanPageParser<T>(ReadOnlySpan<byte> body);

/// <summary>
/// Carries a <see cref="SpanPageParser{T}"/> through the <c>Func&lt;byte[], Page&lt;T&gt;&gt;</c> that
/// <see cref="PageStreamer{T}"/> hands <see cref="PageFetcher"/>, so the fetcher can parse a pooled buffer in place
/// without that signature changing; any other function still gets an array of its own.
/// </summary>
internal sealed class BodyParser<T>
{
    private readonly SpanPageParser<T> parse;

    private BodyParser(SpanPageParser<T> parse) => this.parse = parse;

    public static Func<byte[], Page<T>> Create(SpanPageParser<T> parse) => new BodyParser<T>(parse).ParseArray;

    /// <summary>The page in <paramref name="body"/>; it holds only strings, so the buffer may be reused afterwards.</summary>
    public static Page<T> Parse(Func<byte[], Page<T>> parse, ArraySegment<byte> body)
    {
        if (parse.Target is BodyParser<T> parser)
        {
            return parser.parse(new ReadOnlySpan<byte>(body.Array, body.Offset, body.Count));
        }

        var whole = body.Offset == 0 && body.Count == body.Array!.Length;
        return parse(whole ? body.Array! : new ReadOnlySpan<byte>(body.Array, body.Offset, body.Count).ToArray());
    }

    private Page<T> ParseArray(byte[] body) => parse(body);
}
