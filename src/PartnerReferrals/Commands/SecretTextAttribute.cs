using System.Management.Automation;
using System.Net;
using System.Security;

namespace PartnerReferrals.Commands;

/// <summary>
/// Takes a secret as the stores hand it back: a SecureString (Get-Secret, Import-Clixml, Get-AzKeyVaultSecret's
/// SecretValue), plain text (Get-AutomationVariable, Get-Secret -AsPlainText), or the object of
/// Get-PartnerReferralsRefreshToken itself, also after an Export-Clixml round trip. PowerShell has no conversion from
/// text to SecureString of its own.
/// </summary>
public sealed class SecretTextAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not (null or SecureString or string) && PSObject.AsPSObject(inputData).Properties["RefreshToken"]?.Value is { } inner)
        {
            value = inner is PSObject innerWrapped ? innerWrapped.BaseObject : inner;
        }

        return value switch
        {
            SecureString => value,
            string text => new NetworkCredential(string.Empty, text).SecurePassword,
            _ => inputData,
        };
    }
}
