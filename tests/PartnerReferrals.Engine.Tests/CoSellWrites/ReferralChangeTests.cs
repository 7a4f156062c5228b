using System.Text.Json;
using PartnerReferrals.Engine.CoSell;

namespace PartnerReferrals.Engine.Tests.CoSellWrites;

public class ReferralChangeTests
{
    private static readonly ReferralState NewPending = new("r1", "\"e1\"", "New", "Pending", "Northwind", ["seller@contoso.example"]);
    private static readonly ReferralState ActiveAccepted = new("r2", "\"e2\"", "Active", "Accepted");
    private static readonly ReferralState ClosedWon = new("r3", "\"e3\"", "Closed", "Won");

    private static JsonElement[] Operations(ReferralChange change, ReferralState current) =>
        [.. JsonDocument.Parse(change.Checked().ToPatch(current).ToUtf8Json()).RootElement.EnumerateArray()];

    private static string Describe(JsonElement[] operations) =>
        string.Join(" ", operations.Select(o => o.GetProperty("op").GetString() + " " + o.GetProperty("path").GetString() + "=" + o.GetProperty("value").GetRawText()));

    [Theory]
    [InlineData("Active", "Accepted", "New", "replace /status=\"Active\" replace /substatus=\"Accepted\"")]
    [InlineData("Closed", "Declined", "New", "replace /status=\"Closed\" replace /substatus=\"Declined\"")]
    [InlineData("Closed", "Won", "Active", "replace /status=\"Closed\" replace /substatus=\"Won\"")]
    [InlineData("Closed", "Lost", "Active", "replace /status=\"Closed\" replace /substatus=\"Lost\"")]
    public void The_four_actions_replace_status_and_substatus(string status, string substatus, string from, string expected)
    {
        var current = from == "New" ? NewPending : ActiveAccepted;
        Assert.Equal(expected, Describe(Operations(new ReferralChange { Status = status, Substatus = substatus }, current)));
    }

    [Fact]
    public void Values_in_any_casing_are_sent_as_the_documents_spell_them()
    {
        var change = new ReferralChange { Status = "closed", Substatus = "WON", SalesStage = "close", Currency = "eur" }.Checked();
        Assert.Equal(("Closed", "Won", "Close", "EUR"), (change.Status, change.Substatus, change.SalesStage, change.Currency));
    }

    [Fact]
    public void A_substatus_alone_brings_its_status_and_active_alone_its_one_substatus()
    {
        Assert.Equal("Closed", new ReferralChange { Substatus = "Lost" }.Checked().Status);
        Assert.Equal("Accepted", new ReferralChange { Status = "Active" }.Checked().Substatus);
    }

    [Theory]
    [InlineData("Active", "Won", "PartnerReferrals.CoSell.SubstatusNotOfStatus", "Substatus")]
    [InlineData("New", "Accepted", "PartnerReferrals.CoSell.SubstatusNotOfStatus", "Substatus")]
    [InlineData("Closed", null, "PartnerReferrals.CoSell.SubstatusNeeded", "Substatus")]
    [InlineData("Closed", "Expired", "PartnerReferrals.CoSell.SubstatusSetByService", "Substatus")]
    [InlineData("Done", null, "PartnerReferrals.CoSell.UnknownValue", "Status")]
    [InlineData(null, "Wonn", "PartnerReferrals.CoSell.UnknownValue", "Substatus")]
    public void Values_the_documents_do_not_allow_are_refused_naming_the_parameter(string? status, string? substatus, string id, string parameter)
    {
        var error = Assert.Throws<PartnerReferralsException>(() => new ReferralChange { Status = status, Substatus = substatus }.Checked());
        Assert.Equal(id, error.ErrorId);
        Assert.Equal(parameter, error.ParameterName);
        Assert.Contains("-" + parameter, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typo_gets_a_did_you_mean()
    {
        var error = Assert.Throws<PartnerReferralsException>(() => new ReferralChange { Substatus = "Wonn" }.Checked());
        Assert.Contains("did you mean Won?", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1", null, "DealValue")]
    [InlineData(null, "EURO", "Currency")]
    [InlineData(null, "U1D", "Currency")]
    public void Deal_values_and_currencies_are_checked(string? value, string? currency, string parameter)
    {
        var change = new ReferralChange { DealValue = value is null ? null : decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), Currency = currency };
        Assert.Equal(parameter, Assert.Throws<PartnerReferralsException>(() => change.Checked()).ParameterName);
    }

    [Fact]
    public void Nothing_to_change_is_refused()
    {
        Assert.Equal("PartnerReferrals.CoSell.NothingToChange", Assert.Throws<PartnerReferralsException>(() => new ReferralChange().Checked()).ErrorId);
    }

    [Theory]
    [InlineData("Closed", "Won", "Active", "Accepted")]
    [InlineData("Closed", "Declined", "Active", "Accepted")]
    [InlineData("Closed", "Won", "Closed", "Lost")]
    [InlineData("Closed", "Lost", "New", "Pending")]
    public void Forbidden_moves_are_refused_naming_status_and_the_referral(string fromStatus, string fromSubstatus, string status, string substatus)
    {
        var current = new ReferralState("r9", "\"e\"", fromStatus, fromSubstatus, "Fabrikam renewal");
        var change = new ReferralChange { Status = status, Substatus = substatus }.Checked();
        var error = Assert.Throws<PartnerReferralsException>(() => change.ToPatch(current));
        Assert.Equal(CoSellWriteErrors.ForbiddenMoveId, error.ErrorId);
        Assert.Equal("Status", error.ParameterName);
        Assert.Contains("Fabrikam renewal", error.Problem, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Active_back_to_new_is_forbidden()
    {
        var change = new ReferralChange { Status = "New", Substatus = "Received" }.Checked();
        Assert.Equal(CoSellWriteErrors.ForbiddenMoveId, Assert.Throws<PartnerReferralsException>(() => change.ToPatch(ActiveAccepted)).ErrorId);
    }

    [Fact]
    public void A_status_the_referral_already_has_is_left_out_so_a_rerun_sends_nothing()
    {
        var patch = new ReferralChange { Status = "Closed", Substatus = "Won" }.Checked().ToPatch(ClosedWon);
        Assert.Equal(0, patch.Count);
    }

    [Fact]
    public void Other_fields_are_replaced_with_json_numbers_and_dates_as_the_api_writes_them()
    {
        var change = new ReferralChange
        {
            StatusReason = "Budget moved",
            DealValue = 135000.50m,
            Currency = "usd",
            CloseDate = new DateTime(2026, 9, 30, 23, 30, 0, DateTimeKind.Local),
            SalesStage = "Propose",
        };
        Assert.Equal(
            "replace /statusReason=\"Budget moved\" replace /details/dealValue=135000.50 replace /details/currency=\"USD\" replace /details/closingDateTime=\"2026-09-30T00:00:00Z\" replace /salesStage=\"Propose\"",
            Describe(Operations(change, ActiveAccepted)));
    }

    [Fact]
    public void Team_members_are_added_at_the_end_once_and_only_when_not_on_the_team()
    {
        var change = new ReferralChange();
        change.AddTeamMembers.Add(new PersonInput("seller@contoso.example"));
        change.AddTeamMembers.Add(new PersonInput(" ana@contoso.example ", "Ana", "Lopez"));
        change.AddTeamMembers.Add(new PersonInput("ANA@contoso.example"));
        Assert.Equal(
            "add /team/-={\"email\":\"ana@contoso.example\",\"firstName\":\"Ana\",\"lastName\":\"Lopez\"}",
            Describe(Operations(change, NewPending)));
    }

    [Theory]
    [InlineData("ana")]
    [InlineData("ana@")]
    [InlineData("@contoso.com")]
    [InlineData("ana lopez@contoso.com")]
    [InlineData("ana@contoso")]
    public void Team_members_must_be_email_addresses(string email)
    {
        var change = new ReferralChange();
        change.AddTeamMembers.Add(new PersonInput(email));
        var error = Assert.Throws<PartnerReferralsException>(() => change.Checked());
        Assert.Equal(("PartnerReferrals.CoSell.NotAnEmail", "AddTeamMember"), (error.ErrorId, error.ParameterName));
    }

    [Fact]
    public void The_description_says_every_change()
    {
        var change = new ReferralChange { Status = "Closed", Substatus = "Lost", StatusReason = "Price", DealValue = 10 };
        change.AddTeamMembers.Add(new PersonInput("a@b.example"));
        Assert.Equal("Set the status to Closed/Lost, the status reason to 'Price', the deal value to 10; add a@b.example to the team", change.Checked().Describe());
        var members = new ReferralChange();
        members.AddTeamMembers.Add(new PersonInput("a@b.example"));
        Assert.Equal("Add a@b.example to the team", members.Checked().Describe());
    }
}

public class ReferralChangeInPlaceTests
{
    private static ReferralChange Win()
    {
        var change = new ReferralChange { Substatus = "Won", DealValue = 135000, CloseDate = new DateTime(2026, 9, 30) };
        change.AddTeamMembers.Add(new PersonInput("sam@contoso.example"));
        return change.Checked();
    }

    [Fact]
    public void A_referral_that_holds_every_value_asked_for_has_the_change_in_place()
    {
        var now = new ReferralState("r", "\"e2\"", "Closed", "Won", null, ["SAM@contoso.example"])
        {
            Values = new ReferralValues(null, 135000, "USD", new DateTime(2026, 9, 30, 0, 0, 0, DateTimeKind.Utc), "Close"),
        };
        Assert.True(Win().IsIn(now));
    }

    [Theory]
    [InlineData("Active", "Accepted", 135000, "sam@contoso.example")]
    [InlineData("Closed", "Won", 1, "sam@contoso.example")]
    [InlineData("Closed", "Won", 135000, "other@contoso.example")]
    public void One_value_that_differs_means_someone_else_changed_it(string status, string substatus, int value, string member)
    {
        var now = new ReferralState("r", "\"e2\"", status, substatus, null, [member])
        {
            Values = new ReferralValues(null, value, "USD", new DateTime(2026, 9, 30), null),
        };
        Assert.False(Win().IsIn(now));
    }
}
