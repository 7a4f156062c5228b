namespace PartnerReferrals.Emulator;

/// <summary>
/// Word lists customer names are built from. They include non-ASCII letters and apostrophes on purpose: clients
/// must quote and compare such names correctly, and CSV exports must keep them intact.
/// </summary>
internal static class NameWords
{
    public static readonly string[] Leading =
    [
        "Contoso", "Fabrikam", "Northwind", "Adventure Works", "Alpine Ski", "Blue Yonder", "Coho", "Fourth Coffee",
        "Litware", "Lucerne", "Margie's", "Proseware", "Tailspin", "Wide World", "Woodgrove", "Trey Research",
        "Wingtip", "Humongous", "Graphic Design", "Consolidated", "Best Customer Ever", "Müller", "Schröder",
        "Société Générale Étoile", "Zoë's", "Ångström", "Øresund", "Çelik", "Łódź", "São Paulo", "Nakamura",
        "O'Brien", "O'Neill", "D'Angelo", "Kowalski", "Van der Berg", "Dubois", "Rossi", "García", "Núñez",
        "Jensen", "Kim", "Patel", "Singh", "Okafor", "Haddad", "Svensson", "Novák", "Papadopoulos", "Yılmaz",
    ];

    public static readonly string[] Middle =
    [
        "", "", "", "", "Cloud", "Data", "Digital", "Systems", "Logistics", "Health", "Retail", "Energy", "Finance",
        "Legal", "Manufacturing", "Media", "Partners", "Brothers", "& Sons", "Software", "Bau", "Électrique",
    ];

    public static readonly string[] Trailing =
    [
        "", "Inc.", "Ltd", "LLC", "GmbH", "AG", "SA", "S.A.S.", "BV", "KK", "Pty Ltd", "Consulting", "Group", "Holdings",
        "Corporation", "& Co.", "plc", "Oy", "AB", "S.p.A.",
    ];
}
