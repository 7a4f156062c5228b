namespace PartnerReferrals.Engine;

/// <summary>
/// What went wrong, in terms the cmdlet layer maps one-to-one onto PowerShell's ErrorCategory
/// (the engine cannot reference that type).
/// </summary>
public enum ErrorKind
{
    InvalidArgument,
    InvalidOperation,
    AuthenticationError,
    PermissionDenied,
    ObjectNotFound,
    LimitsExceeded,
    OperationTimeout,
    ConnectionError,
    ResourceUnavailable,
    InvalidData,
    NotImplemented,
    OperationStopped,
}
