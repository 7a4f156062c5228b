using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartnerReferrals.Engine.Tests.Insights.Browser;

/// <summary>
/// The Chrome DevTools protocol over one WebSocket: commands to the browser or to an attached page (flat
/// sessions), replies matched by id, and every event kept so a test can read what the page did.
/// </summary>
internal sealed class DevToolsSession : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> pending = new();
    private readonly CancellationTokenSource closing = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private Task? receiving;
    private int nextId;

    public ConcurrentQueue<(string Method, JsonElement Params)> Events { get; } = new();

    public static async Task<DevToolsSession> ConnectAsync(Uri browserSocket)
    {
        var session = new DevToolsSession();
        session.socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var connect = new CancellationTokenSource(Timeout);
        await session.socket.ConnectAsync(browserSocket, connect.Token);
        session.receiving = Task.Run(session.ReceiveAsync);
        return session;
    }

    /// <summary>Sends a command and returns its result, or throws with the protocol's error.</summary>
    public async Task<JsonElement> SendAsync(string method, object? parameters = null, string? sessionId = null)
    {
        var id = Interlocked.Increment(ref nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = JsonSerializer.SerializeToNode(parameters ?? new { }) };
        if (sessionId is not null)
        {
            message["sessionId"] = sessionId;
        }

        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await sending.WaitAsync();
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, closing.Token);
        }
        finally
        {
            sending.Release();
        }

        var done = await Task.WhenAny(reply.Task, Task.Delay(Timeout));
        if (done != reply.Task)
        {
            throw new TimeoutException("DevTools did not answer " + method);
        }

        var answer = await reply.Task;
        if (answer.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException(method + " failed: " + error.GetRawText());
        }

        return answer.GetProperty("result");
    }

    /// <summary>Waits until an event of <paramref name="method"/> has arrived (kept in <see cref="Events"/> either way).</summary>
    public async Task WaitForEventAsync(string method)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!Events.Any(e => e.Method == method))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No " + method + " event within " + Timeout);
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var close = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, close.Token);
            }
        }
        catch (WebSocketException)
        {
        }
        catch (OperationCanceledException)
        {
        }

        if (receiving is not null)
        {
            await Task.WhenAny(receiving, Task.Delay(5000));
        }

        socket.Dispose();
        closing.Dispose();
        sending.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var part = await socket.ReceiveAsync(buffer, closing.Token);
                if (part.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage)
                {
                    continue;
                }

                using (var document = JsonDocument.Parse(message.ToArray()))
                {
                    var root = document.RootElement.Clone();
                    if (root.TryGetProperty("id", out var id) && pending.TryRemove(id.GetInt32(), out var reply))
                    {
                        reply.TrySetResult(root);
                    }
                    else if (root.TryGetProperty("method", out var method))
                    {
                        Events.Enqueue((method.GetString()!, root.TryGetProperty("params", out var p) ? p : default));
                    }
                }

                message.SetLength(0);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
    }
}
