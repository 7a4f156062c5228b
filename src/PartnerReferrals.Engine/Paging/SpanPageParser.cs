using System;

namespace PartnerReferrals.Engine.Paging;

/// <summary>
/// Parses a page body where it lies: a slice of the pooled buffer the retry handler read it into, never a copy.
/// The page it returns holds only strings, so the buffer may be reused as soon as it returns.
/// <paramref name="expectedRows"/> is the page size asked for: the row list is sized once for it.
/// </summary>
internal delegate Page<T> SpanPageParser<T>(ReadOnlySpan<byte> body, int expectedRows);
