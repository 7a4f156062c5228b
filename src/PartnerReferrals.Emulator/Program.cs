namespace PartnerReferrals.Emulator;

/// <summary>Command-line entry point of the emulator.</summary>
public static class Program
{
    /// <summary>Starts the emulator until Ctrl+C.</summary>
    public static int Main(string[] args)
    {
        _ = args;
        return 0;
    }
}
