using System;

namespace PartnerReferrals.Emulator;

/// <summary>A bad command-line argument; the message is the one line the user sees.</summary>
internal sealed class CommandLineException : Exception
{
    public CommandLineException(string message)
        : base(message)
    {
    }

    public CommandLineException()
    {
    }

    public CommandLineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
