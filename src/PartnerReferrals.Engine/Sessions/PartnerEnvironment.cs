namespace PartnerReferrals.Engine.Sessions;

/// <summary>Where the API and its sign-in authority live.</summary>
public enum PartnerEnvironment
{
    Global,
    USGov,

    /// <summary>The retired Microsoft Cloud Germany; still listed by the API page, so allowed with a warning.</summary>
    Germany,

    /// <summary>21Vianet: referrals analytics are not offered there; connecting fails with a clear error.</summary>
    China,

    /// <summary>The local emulator, read from the file it publishes.</summary>
    Emulator,

    /// <summary>A base URL and authority given explicitly.</summary>
    Custom,
}
