using System;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>
/// The documented response headers: <c>MS-RequestId</c> and <c>MS-CorrelationId</c> echo the request's (a client
/// ties its logs to ours with them) or are new GUIDs; <c>MS-CV</c> is a correlation vector extended from the
/// request's; <c>MS-ServerId</c> names this server.
/// </summary>
internal static class CorrelationHeaders
{
    public const string RequestId = "MS-RequestId";
    public const string CorrelationId = "MS-CorrelationId";
    public const string CorrelationVector = "MS-CV";
    public const string ServerId = "MS-ServerId";
    public const string Application = "MS-PartnerCenter-Application";

    // What an echoed id may contain: GUIDs and similar tokens, nothing that could split or inject a header.
    private static readonly System.Buffers.SearchValues<char> SafeHeaderChars =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEFGHIJKLMNOPQRSTUVWXYZghijklmnopqrstuvwxyz-_.:{}");

    public static void Apply(HttpContext context, string serverId)
    {
        var request = context.Request.Headers;
        var response = context.Response.Headers;
        response[RequestId] = Echo(request[RequestId].ToString());
        response[CorrelationId] = Echo(request[CorrelationId].ToString());
        var incomingCv = request[CorrelationVector].ToString();
        response[CorrelationVector] = incomingCv.Length is > 0 and < 128 && !incomingCv.AsSpan().ContainsAnyExcept(SafeVectorChars)
            ? incomingCv + ".1"
            : Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=') + ".0";
        response[ServerId] = serverId;
    }

    private static readonly System.Buffers.SearchValues<char> SafeVectorChars =
        System.Buffers.SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+/=.");

    // Only sane values are echoed: a header is no place to reflect arbitrary input.
    private static string Echo(string incoming) =>
        incoming.Length is > 0 and <= 128 && !incoming.AsSpan().ContainsAnyExcept(SafeHeaderChars)
            ? incoming
            : Guid.NewGuid().ToString();
}
