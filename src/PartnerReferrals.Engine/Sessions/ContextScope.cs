namespace PartnerReferrals.Engine.Sessions;

/// <summary>Process: tokens live in memory only. CurrentUser: the token cache is persisted for the user.</summary>
public enum ContextScope
{
    Process,
    CurrentUser,
}
