using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Applies a JSON Patch (RFC 6902) to a referral as the Referrals API does (§1.4, choices 10, 11): <c>replace</c> and
/// <c>add</c> only, on the writable paths; numeric strings become numbers where the field is a number; the result
/// must be a move §3.3 allows. Works on a copy: the stored referral changes only when every operation is valid.
/// </summary>
internal static class CoSellPatch
{
    private static readonly string[] WritablePaths =
    [
        "/name", "/externalReferenceId", "/status", "/substatus", "/statusReason", "/salesStage", "/team",
        "/customerProfile/team/-", "/inviteContext/notes", "/tags", "/favorite", "/registrations",
    ];

    private static readonly string[] WritableTrees = ["/details", "/team", "/tags", "/registrations"];

    public static JsonArray Parse(string body)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            throw CoSellApiException.Invalid("The body is not JSON: " + e.Message, "body");
        }

        return document is JsonArray { Count: > 0 } operations
            ? operations
            : throw CoSellApiException.Invalid("The body must be a JSON Patch document: a non-empty array of {\"op\",\"path\",\"value\"}.", "body");
    }

    /// <summary>The patched copy of <paramref name="stored"/>, checked; server-set dates of a status change filled in.</summary>
    public static JsonObject Apply(JsonObject stored, JsonArray operations, DateTimeOffset now)
    {
        var id = (string)stored["id"]!;
        CoSellTransitions.DemandOpen((string?)stored["status"], id);
        var patched = stored.DeepClone().AsObject();
        foreach (var operation in operations)
        {
            ApplyOne(patched, operation as JsonObject ?? throw CoSellApiException.Invalid("Each patch operation must be an object {\"op\",\"path\",\"value\"}.", "body"));
        }

        var from = (string)stored["status"]!;
        var (status, substatus) = CoSellTransitions.Check(from, (string?)patched["status"] ?? string.Empty, (string?)patched["substatus"] ?? string.Empty);
        patched["status"] = status;
        patched["substatus"] = substatus;
        if (status != from && status == "Active")
        {
            patched["acceptedDateTime"] = CoSellDates.Format(now);
        }

        if (status != from && status == "Closed")
        {
            patched["closedDateTime"] = CoSellDates.Format(now);
        }

        return patched;
    }

    private static void ApplyOne(JsonObject referral, JsonObject operation)
    {
        var op = CoSellJson.Text(operation["op"])?.ToLowerInvariant();
        var path = CoSellJson.Text(operation["path"]) ?? throw CoSellApiException.Invalid("A patch operation has no path.", "path");
        if (op is not ("replace" or "add"))
        {
            throw CoSellApiException.Invalid($"The operation '{op}' on {path} is not supported: only replace and add are.", "op");
        }

        if (!WritablePaths.Contains(path, StringComparer.OrdinalIgnoreCase)
            && !WritableTrees.Any(tree => path.StartsWith(tree + "/", StringComparison.OrdinalIgnoreCase)))
        {
            throw CoSellApiException.Invalid($"The path {path} cannot be changed: it does not exist or the service sets it.", "path");
        }

        if (!operation.TryGetPropertyValue("value", out var value))
        {
            throw CoSellApiException.Invalid($"The operation on {path} has no value.", "value");
        }

        var steps = path.TrimStart('/').Split('/');
        var parent = CoSellJson.Walk(referral, steps.AsSpan(0, steps.Length - 1), out var found);
        var last = steps[^1];
        if (!found)
        {
            throw CoSellApiException.Invalid($"The path {path} does not exist in the referral.", "path");
        }

        switch (parent)
        {
            case JsonArray array when last == "-" && op == "add":
                array.Add(value?.DeepClone());
                break;
            case JsonArray array when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count + (op == "add" ? 1 : 0):
                if (op == "add")
                {
                    array.Insert(index, value?.DeepClone());
                }
                else
                {
                    array[index] = value?.DeepClone();
                }

                break;
            case JsonObject target when CoSellJson.PropertyName(target, last) is { } name:
                target[name] = Coerced(target[name], value, path);
                break;
            case JsonObject target when op == "add":
                target[last] = value?.DeepClone();
                break;
            default:
                throw CoSellApiException.Invalid($"The path {path} does not exist in the referral.", "path");
        }
    }

    // Choice 11: the documents send "10000" for dealValue; a number field takes a numeric string as a number.
    // A date field takes only a date; booleans only booleans.
    private static JsonNode? Coerced(JsonNode? current, JsonNode? value, string path)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.GetValueKind() == JsonValueKind.String ? (string?)value : null;
        if (path.EndsWith("DateTime", StringComparison.OrdinalIgnoreCase))
        {
            return CoSellDates.TryParse(text, out var date)
                ? CoSellDates.Format(date)
                : throw CoSellApiException.Invalid($"{path} takes an ISO 8601 date, not {value.ToJsonString()}.", "value");
        }

        if (current is null)
        {
            return value.DeepClone();
        }

        var kind = current.GetValueKind();
        if (kind == JsonValueKind.Number && value.GetValueKind() != JsonValueKind.Number)
        {
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : throw CoSellApiException.Invalid($"{path} takes a number, not {value.ToJsonString()}.", "value");
        }

        if (kind is JsonValueKind.True or JsonValueKind.False && value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw CoSellApiException.Invalid($"{path} takes true or false, not {value.ToJsonString()}.", "value");
        }

        return value.DeepClone();
    }
}
