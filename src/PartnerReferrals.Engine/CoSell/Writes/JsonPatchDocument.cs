using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PartnerReferrals.Engine.CoSell;

/// <summary>
/// The body of a referral update: an RFC 6902 JSON Patch that holds only the two operations the API supports,
/// <c>replace</c> and <c>add</c> (API-COSELL.md §1.4). No other operation can be built.
/// </summary>
internal sealed class JsonPatchDocument
{
    private readonly List<(string Op, string Path, Action<Utf8JsonWriter> Value)> operations = [];

    public int Count => operations.Count;

    /// <summary>The paths in order, for messages and tests.</summary>
    public IEnumerable<string> Paths => operations.Select(o => o.Path);

    public JsonPatchDocument Replace(string path, string value) => With("replace", path, json => json.WriteStringValue(value));

    public JsonPatchDocument Replace(string path, decimal value) => With("replace", path, json => json.WriteNumberValue(value));

    public JsonPatchDocument Replace(string path, DateTime date) => With("replace", path, json => json.WriteStringValue(WriteJson.Date(date)));

    /// <summary>Appends <paramref name="person"/> to the array at <paramref name="arrayPath"/> (<c>add</c> at <c>/-</c>).</summary>
    public JsonPatchDocument Append(string arrayPath, PersonInput person) => With("add", arrayPath + "/-", person.WriteTo);

    public byte[] ToUtf8Json() => WriteJson.Build(json =>
    {
        json.WriteStartArray();
        foreach (var (op, path, value) in operations)
        {
            json.WriteStartObject();
            json.WriteString("op", op);
            json.WriteString("path", path);
            json.WritePropertyName("value");
            value(json);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    private JsonPatchDocument With(string op, string path, Action<Utf8JsonWriter> value)
    {
        operations.Add((op, path, value));
        return this;
    }
}
