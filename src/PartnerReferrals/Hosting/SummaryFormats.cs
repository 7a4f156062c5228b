using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using PartnerReferrals.Engine.Operations;

namespace PartnerReferrals.Commands.Hosting;

/// <summary>
/// Loads the engine's <see cref="SummaryView"/> of a grouping into the session once (Update-FormatData reads
/// files only), so Format-Table shows the grouped fields. A session that refuses it keeps the module's static view.
/// </summary>
internal static class SummaryFormats
{
    private static readonly ConditionalWeakTable<Runspace, HashSet<string>> Loaded = new();

    public static void EnsureLoaded(PartnerReferralsCmdlet cmdlet, SummaryView view)
    {
        var runspace = Runspace.DefaultRunspace;
        if (runspace is null)
        {
            return;
        }

        var loaded = Loaded.GetOrCreateValue(runspace);
        lock (loaded)
        {
            if (!loaded.Add(view.TypeName))
            {
                return;
            }
        }

        try
        {
            var folder = Path.Combine(Path.GetTempPath(), "PartnerReferrals", "formats");
            Directory.CreateDirectory(folder);
            var name = view.TypeName.Substring(view.TypeName.IndexOf('#') + 1).Replace(',', '-').Replace('#', '.');
            var path = Path.Combine(folder, string.Format(CultureInfo.InvariantCulture, "ReferralGroup.{0}.{1}.format.ps1xml", name, System.Diagnostics.Process.GetCurrentProcess().Id));
            File.WriteAllText(path, view.ToFormatXml());
            cmdlet.InvokeCommand.InvokeScript("Update-FormatData -AppendPath $args[0]", false, PipelineResultTypes.None, null, path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or RuntimeException)
        {
            cmdlet.WriteVerboseLine("The summary view for " + view.TypeName + " could not be loaded (" + exception.Message + "); the default view is used.");
        }
    }
}
