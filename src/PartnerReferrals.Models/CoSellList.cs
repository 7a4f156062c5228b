using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace PartnerReferrals.Models;

/// <summary>A read-only list whose text is its items' text joined by "; ", so a CSV cell or a table shows values, not a type name.</summary>
public sealed class CoSellList<T> : ReadOnlyCollection<T>
{
    public static readonly CoSellList<T> Empty = new(new List<T>());

    public CoSellList(IList<T> items)
        : base(items)
    {
    }

    public override string ToString() => string.Join("; ", this.Select(item => item?.ToString()).Where(text => !string.IsNullOrEmpty(text)));
}
