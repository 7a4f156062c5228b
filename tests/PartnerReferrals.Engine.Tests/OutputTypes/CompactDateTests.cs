using System.Reflection;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Tests.OutputTypes;

/// <summary>
/// The output types keep their dates in 8 bytes each, not as DateTime?; every date property must still give back
/// exactly what was set, kind included, and null by default.
/// </summary>
public sealed class CompactDateTests
{
    public static TheoryData<Type> OutputTypes => new() { typeof(Referral) };

    public static TheoryData<DateTime> Dates => new()
    {
        new DateTime(2018, 2, 7, 23, 43, 19, DateTimeKind.Utc),
        new DateTime(2018, 2, 7, 23, 43, 19, 123, DateTimeKind.Utc).AddTicks(4567),
        new DateTime(2018, 2, 7, 23, 43, 19, DateTimeKind.Unspecified),
        new DateTime(2024, 7, 1, 8, 0, 0, DateTimeKind.Local),
        DateTime.MinValue,
        DateTime.MaxValue,
        DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
        DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc),
    };

    [Theory]
    [MemberData(nameof(OutputTypes))]
    public void Every_date_is_null_until_set(Type type)
    {
        var row = Activator.CreateInstance(type)!;
        Assert.All(DateProperties(type), p => Assert.Null(p.GetValue(row)));
    }

    [Theory]
    [MemberData(nameof(OutputTypes))]
    public void Each_date_property_keeps_its_own_value(Type type)
    {
        var row = Activator.CreateInstance(type)!;
        var properties = DateProperties(type);
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < properties.Length; i++)
        {
            properties[i].SetValue(row, start.AddDays(i));
        }

        for (var i = 0; i < properties.Length; i++)
        {
            Assert.Equal(start.AddDays(i), (DateTime?)properties[i].GetValue(row));
        }

        properties[3].SetValue(row, null);
        Assert.Null(properties[3].GetValue(row));
        Assert.Equal(start.AddDays(4), (DateTime?)properties[4].GetValue(row));
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void A_date_comes_back_with_its_ticks_and_kind(DateTime date)
    {
        var referral = new Referral { WonDate = date };

        Assert.Equal(date.Ticks, referral.WonDate!.Value.Ticks);
        Assert.Equal(date.Kind, referral.WonDate.Value.Kind);
    }

    private static PropertyInfo[] DateProperties(Type type) =>
        type.GetProperties().Where(p => p.PropertyType == typeof(DateTime?)).ToArray();
}
