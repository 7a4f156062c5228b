using System.Linq;
using System.Management.Automation;
using PartnerReferrals.Commands.Hosting;
using PartnerReferrals.Engine;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Insights;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>
/// What Measure-PartnerReferral and Export-PartnerReferralReport share: either a query (the shared query parameters)
/// or referral objects from the pipeline (Get-PartnerReferral's output, Import-Csv rows, deserialized referrals),
/// never both.
/// </summary>
public abstract class ReferralInputCmdlet : QueryCmdlet
{
    internal const string QuerySet = "Query";
    internal const string InputSet = "InputObject";

    private string? queryParameterTyped;

    /// <summary>
    /// A referral to include: the objects Get-PartnerReferral writes, rows of Import-Csv, or deserialized referrals.
    /// Properties are read by name; missing ones are empty, but an object with none of the referral properties, or a
    /// co-sell referral, ends the command (PartnerReferrals.Insights.NotAReferral). Text dates are read as PowerShell's [datetime] cast reads
    /// them (ISO 8601, as Export-PartnerReferral writes them, or month first; a date without a zone is UTC); a date
    /// the current culture reads otherwise, as Export-Csv writes them in many cultures, ends the command naming its column.
    /// <para>Filter parameters cannot be combined with pipeline input: filter upstream, for example with Where-Object.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputSet)]
    public PSObject? InputObject { get; set; }

    private protected bool FromPipeline => ParameterSetName == InputSet;

    /// <summary>
    /// Piped referrals are data, not a query: every shared query parameter would be ignored, so typing one is refused
    /// (at the first piped object, since only then is it known that input comes).
    /// </summary>
    private protected sealed override void BeginQuery() => queryParameterTyped = SharedParameters.FirstOrDefault(CommandLine.Contains);

    /// <summary>The piped object as a referral, or null (after a non-terminating error) when it cannot be read.</summary>
    private protected Referral? ReadInput()
    {
        if (queryParameterTyped is { } name)
        {
            Fail(ParameterErrors.NotWithPipedReferrals(name));
        }

        var input = InputObject;
        if (input?.BaseObject is Referral referral)
        {
            return referral;
        }

        try
        {
            return ReferralInput.FromProperties(property => PipedObject.ValueOf(input, property));
        }
        catch (PartnerReferralsException error) when (ErrorScope.ConcernsOneInput(error))
        {
            WriteError(ErrorRecordFactory.Create(error));
            return null;
        }
        catch (PartnerReferralsException error)
        {
            // A date in a culture's format is the whole file's: measuring the rows after it would give wrong figures.
            Fail(error);
            return null;
        }
    }
}
