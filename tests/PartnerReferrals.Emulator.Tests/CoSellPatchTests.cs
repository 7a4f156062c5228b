using System.Net.Http;
using System.Text.Json.Nodes;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>PATCH /referrals/{id} (§1.4, §3.3, §4.4, choices 9–13): JSON Patch, If-Match, eTags, transitions.</summary>
public class CoSellPatchTests(CoSellFixture fixture) : IClassFixture<CoSellFixture>
{
    private const string Accept = """[{"op":"replace","path":"/status","value":"Active"},{"op":"replace","path":"/substatus","value":"Accepted"}]""";

    private JsonObject Stored(string id) => fixture.Find(r => (string)r["id"]! == id);

    private string Pick(string direction, string status, int skip = 0) =>
        (string)fixture.Server.CoSellReferrals.Where(r => CoSellFixture.Is(r, direction, status)).Skip(skip).First()["id"]!;

    [Fact]
    public async Task Accepting_with_if_match_and_prefer_returns_200_with_the_referral_and_a_new_etag()
    {
        var id = Pick("Incoming", "New");
        var before = (string)Stored(id)["eTag"]!;

        var (status, body, response) = await fixture.PatchAsync(id, Accept, ("If-Match", before), ("Prefer", "return=representation"));
        using (response)
        {
            Assert.Equal(200, status);
            Assert.Equal(("Active", "Accepted"), (body.GetProperty("status").GetString(), body.GetProperty("substatus").GetString()));
            var after = body.GetProperty("eTag").GetString()!;
            Assert.NotEqual(before, after);
            Assert.Equal(after, response.Headers.ETag!.ToString());
            Assert.Equal(System.Text.Json.JsonValueKind.String, body.GetProperty("acceptedDateTime").ValueKind);
            Assert.Equal(after, (string)Stored(id)["eTag"]!);
        }
    }

    [Fact]
    public async Task Without_prefer_the_answer_is_204_and_a_numeric_string_deal_value_is_stored_as_a_number()
    {
        var id = Pick("Outgoing", "Active");
        var before = (string)Stored(id)["updatedDateTime"]!;

        var (status, _, response) = await fixture.PatchAsync(id, """[{"op":"replace","path":"/details/dealValue","value":"10000"}]""");
        using (response)
        {
            Assert.Equal(204, status);
            Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);
            Assert.NotNull(response.Headers.ETag);
        }

        var stored = Stored(id);
        Assert.Equal(10000m, stored["details"]!["dealValue"]!.GetValue<decimal>());
        Assert.True(string.CompareOrdinal((string)stored["updatedDateTime"]!, before) > 0);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_preconditionFailed_and_changes_nothing()
    {
        var id = Pick("Incoming", "New", skip: 1);
        var stored = Stored(id).ToJsonString();

        var (status, body, response) = await fixture.PatchAsync(id, Accept, ("If-Match", "\"stale\""));
        response.Dispose();

        Assert.Equal(412, status);
        var error = body.GetProperty("error");
        Assert.Equal("preconditionFailed", error.GetProperty("code").GetString());
        Assert.Equal("eTagMismatch", error.GetProperty("innerError").GetProperty("code").GetString());
        Assert.Equal(stored, Stored(id).ToJsonString());
    }

    [Fact]
    public async Task Two_writers_with_the_same_etag_the_second_is_412_and_the_first_change_survives()
    {
        var id = Pick("Outgoing", "Active", skip: 1);
        var etag = (string)Stored(id)["eTag"]!;

        var (first, _, r1) = await fixture.PatchAsync(id, """[{"op":"replace","path":"/details/notes","value":"first"}]""", ("If-Match", etag));
        var (second, _, r2) = await fixture.PatchAsync(id, """[{"op":"replace","path":"/details/notes","value":"second"}]""", ("If-Match", etag));
        r1.Dispose();
        r2.Dispose();

        Assert.Equal((204, 412), (first, second));
        Assert.Equal("first", (string)Stored(id)["details"]!["notes"]!);
    }

    [Theory]
    [InlineData("Active", """[{"op":"replace","path":"/status","value":"New"},{"op":"replace","path":"/substatus","value":"Pending"}]""", "status")]
    [InlineData("New", """[{"op":"replace","path":"/substatus","value":"Won"}]""", "substatus")]
    [InlineData("New", """[{"op":"replace","path":"/status","value":"Closed"},{"op":"replace","path":"/substatus","value":"Expired"}]""", "substatus")]
    [InlineData("New", """[{"op":"replace","path":"/status","value":"Pending"}]""", "status")]
    [InlineData("New", """[{"op":"remove","path":"/details/notes"}]""", "op")]
    [InlineData("New", """[{"op":"replace","path":"/id","value":"x"}]""", "path")]
    [InlineData("New", """[{"op":"replace","path":"/details/closingDateTime","value":"soon"}]""", "value")]
    [InlineData("New", """{"op":"replace"}""", "body")]
    public async Task A_move_or_operation_the_documents_do_not_allow_is_400_invalidRequest_and_changes_nothing(string from, string patch, string target)
    {
        var id = Pick(from == "New" ? "Incoming" : "Outgoing", from, skip: 3);
        var stored = Stored(id).ToJsonString();

        var (status, body, response) = await fixture.PatchAsync(id, patch);
        response.Dispose();

        Assert.Equal(400, status);
        Assert.Equal(("invalidRequest", target), (body.GetProperty("error").GetProperty("code").GetString(), body.GetProperty("error").GetProperty("target").GetString()));
        Assert.Equal(stored, Stored(id).ToJsonString());
    }

    [Fact]
    public async Task A_closed_referral_is_final_409()
    {
        var id = Pick("Incoming", "Closed");

        var (status, body, response) = await fixture.PatchAsync(id, """[{"op":"replace","path":"/status","value":"Active"},{"op":"replace","path":"/substatus","value":"Accepted"}]""");
        response.Dispose();

        Assert.Equal(409, status);
        Assert.Equal("referralClosed", body.GetProperty("error").GetProperty("innerError").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Winning_an_active_referral_closes_it_and_sets_closedDateTime()
    {
        var id = Pick("Outgoing", "Active", skip: 2);

        var (status, body, response) = await fixture.PatchAsync(id, """[{"op":"replace","path":"/status","value":"closed"},{"op":"replace","path":"/substatus","value":"won"}]""", ("Prefer", "return=representation"));
        response.Dispose();

        Assert.Equal(200, status);
        Assert.Equal(("Closed", "Won"), (body.GetProperty("status").GetString(), body.GetProperty("substatus").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.String, body.GetProperty("closedDateTime").ValueKind);
    }

    [Fact]
    public async Task Add_to_team_appends_a_member_and_json_patch_content_type_is_accepted()
    {
        var id = Pick("Outgoing", "Active", skip: 3);
        var count = Stored(id)["team"]!.AsArray().Count;

        var (status, _, response) = await fixture.SendAsync(HttpMethod.Patch, CoSellFixture.Item(id),
            """[{"op":"add","path":"/team/-","value":{"email":"new.member@contoso.example","firstName":"New","lastName":"Member","phoneNumber":"+1"}}]""", "application/json-patch+json");
        response.Dispose();

        Assert.Equal(204, status);
        var team = Stored(id)["team"]!.AsArray();
        Assert.Equal(count + 1, team.Count);
        Assert.Equal("new.member@contoso.example", (string)team[^1]!["email"]!);
    }

    [Fact]
    public async Task A_list_asked_again_after_a_change_no_longer_holds_a_referral_that_left_its_filter()
    {
        const string Url = "v1.0/engagements/referrals?$filter=status eq 'Active'&$orderby=createdDateTime asc&$top=1";
        var (_, before) = await fixture.GetAsync(Url);
        var id = before.GetProperty("value")[0].GetProperty("id").GetString()!;

        var (status, _, response) = await fixture.PatchAsync(id, """[{"op":"replace","path":"/status","value":"Closed"},{"op":"replace","path":"/substatus","value":"Lost"}]""");
        response.Dispose();
        var (_, after) = await fixture.GetAsync(Url);

        Assert.Equal(204, status);
        Assert.NotEqual(id, after.GetProperty("value")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Another_content_type_is_415()
    {
        var (status, _, response) = await fixture.SendAsync(HttpMethod.Patch, CoSellFixture.Item(Pick("Outgoing", "Active")), Accept, "text/plain");
        response.Dispose();

        Assert.Equal(415, status);
    }

    [Fact]
    public async Task Patches_are_logged_with_their_method_and_if_match()
    {
        var id = Pick("Outgoing", "Active", skip: 4);
        fixture.Server.Requests.Clear();

        var (_, _, response) = await fixture.PatchAsync(id, """[{"op":"replace","path":"/salesStage","value":"Propose"}]""", ("If-Match", "\"nope\""));
        response.Dispose();

        var logged = Assert.Single(fixture.Server.Requests);
        Assert.Equal(("PATCH", 412, "\"nope\""), (logged.Method, logged.StatusCode, logged.Header("If-Match")));
    }
}
