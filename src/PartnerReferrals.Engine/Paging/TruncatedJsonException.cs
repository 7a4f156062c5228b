using System;

namespace PartnerReferrals.Engine.Paging;

/// <summary>The body ended inside the JSON: a dropped connection, worth a retry, unlike malformed JSON.</summary>
internal sealed class TruncatedJsonException : Exception
{
    public TruncatedJsonException(Exception inner)
        : base("The response body ended before its JSON did.", inner)
    {
    }

    public TruncatedJsonException()
    {
    }

    public TruncatedJsonException(string message)
        : base(message)
    {
    }
}
