using System;

namespace PartnerReferrals.Emulator;

/// <summary>A request the API rejects with 400: the message is the error body's description, so it says what and where.</summary>
internal sealed class ReferralQueryException : Exception
{
    public ReferralQueryException(string message)
        : base(message)
    {
    }

    public ReferralQueryException()
    {
    }

    public ReferralQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
