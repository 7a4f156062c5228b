using System.Collections.Specialized;
using System.Web;
using PartnerReferrals.Emulator;

namespace PartnerReferrals.PowerShell.Tests.Support;

/// <summary>Reads what the emulator received.</summary>
internal static class RequestLogExtensions
{
    /// <summary>The requests logged after the first <paramref name="before"/> ones.</summary>
    public static List<RecordedRequest> Since(this RequestLog log, int before) => log.Snapshot().Skip(before).ToList();

    public static NameValueCollection Query(this RecordedRequest request)
    {
        var question = request.PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return HttpUtility.ParseQueryString(question < 0 ? string.Empty : request.PathAndQuery[(question + 1)..]);
    }
}
