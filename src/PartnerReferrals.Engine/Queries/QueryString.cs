using System;
using System.Collections.Generic;
using System.Text;

namespace PartnerReferrals.Engine.Queries;

/// <summary>Builds <c>name=value&amp;...</c> with every reserved character percent-encoded (RFC 3986, UTF-8).</summary>
public static class QueryString
{
    public static string Build(IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        if (parameters is null)
        {
            throw new ArgumentNullException(nameof(parameters));
        }

        var text = new StringBuilder();
        foreach (var parameter in parameters)
        {
            if (parameter.Value is null)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append('&');
            }

            // EscapeDataString leaves only unreserved characters: quotes, spaces, '&', '=', '+' and unicode are all encoded.
            text.Append(Uri.EscapeDataString(parameter.Key)).Append('=').Append(Uri.EscapeDataString(parameter.Value));
        }

        return text.ToString();
    }
}
