using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CompraNet.AuctionLoad.Simulations;

namespace CompraNet.AuctionLoad.Targets;

/// <summary>
/// A public watcher that speaks the SignalR JSON hub protocol itself over one WebSocket (handshake, Join, pings,
/// records separated by 0x1E) and reads only each pushed view's <c>serverTime</c>. Thousands of these share two
/// cores with the host, so the tool spends per message a buffer scan and one time parse instead of a full client
/// pipeline; the lag it measures is then mostly the server's. <see cref="WatcherConnection"/> is the library equivalent.
/// With several hosts (<c>--url A,B</c>) a lost connection is replaced through <see cref="WatcherFailover"/>: a new
/// socket to the next host, handshake, the same Join, then the same receive loop on it; the loop itself is unchanged.
/// </summary>
public sealed class LeanWatcherConnection(LoadTarget target, Measurement deliveries, ReconnectCounter reconnects) : IWatcherConnection
{
    private const byte RecordSeparator = 0x1e;

    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    private readonly WatcherFailover _failover = WatcherFailover.For(target, reconnects, webSocketScheme: true);
    private readonly CancellationTokenSource _stop = new();
    private byte[] _join = [];

    // Replaced by a failover while KeepAliveAsync may be pinging the old one, hence volatile; only RunAsync writes it.
    private volatile ClientWebSocket? _socket;

    // The Join of the socket being connected; its receive loop completes it. One receive loop runs at a time.
    private TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _running = Task.CompletedTask;

    public async Task StartAsync(string auctionId, CancellationToken cancellationToken)
    {
        _join = Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"Join\",\"arguments\":[{JsonSerializer.Serialize(auctionId)}]}}\u001e");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var link = await ConnectAsync(_failover.FirstHub, timeout.Token);
        _socket = link.Socket;
        _running = RunAsync(link);
    }

    public async Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        var socket = _socket;
        if (socket?.State != WebSocketState.Open)
        {
            return;
        }

        try
        {
            await socket.SendAsync(Ping, WebSocketMessageType.Text, true, cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The socket went away under the ping (a failover is replacing it): the next tick pings its successor.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_socket is { } socket)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                if (socket.State == WebSocketState.Open)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
            }

            socket.Abort();
        }

        await _running;
        // A failover that completed while stopping left its socket here.
        if (_socket is { } last)
        {
            last.Abort();
            last.Dispose();
        }

        _stop.Dispose();
    }

    /// <summary>Connects, handshakes and joins on a new socket, its receive loop already running; disposes it on failure.</summary>
    private async Task<Link> ConnectAsync(Uri hub, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<string?>? receiving = null;
        try
        {
            await socket.ConnectAsync(hub, cancellationToken);
            await socket.SendAsync(Handshake, WebSocketMessageType.Text, true, cancellationToken);
            _joined = joined;
            receiving = Task.Run(() => ReceiveAsync(socket), CancellationToken.None);
            await socket.SendAsync(_join, WebSocketMessageType.Text, true, cancellationToken);
            await joined.Task.WaitAsync(cancellationToken);
            return new Link(socket, receiving);
        }
        catch
        {
            socket.Abort();
            if (receiving is not null)
            {
                await receiving;
            }

            socket.Dispose();
            throw;
        }
    }

    /// <summary>Waits for the connection to be lost, then fails over; records the loss as a failure only when that is not possible.</summary>
    private async Task RunAsync(Link link)
    {
        while (true)
        {
            var lost = await link.Receiving;
            if (lost is null || _stop.IsCancellationRequested)
            {
                return;
            }

            Link? next = null;
            if (_failover.CanFailOver)
            {
                try
                {
                    next = await _failover.ReconnectAsync(ConnectAsync, _stop.Token);
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    return;
                }
            }

            if (next is null)
            {
                if (!_stop.IsCancellationRequested)
                {
                    deliveries.RecordFailure(ErrorCodes.Prefix + lost);
                }

                return;
            }

            _socket = next.Socket;
            link.Socket.Dispose();
            link = next;
        }
    }

    /// <summary>The receive loop of one socket: null when the watcher was stopped, else why the connection was lost.</summary>
    private async Task<string?> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var filled = 0;
        string? lost = null;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                ValueWebSocketReceiveResult received;
                try
                {
                    received = await socket.ReceiveAsync(buffer.AsMemory(filled), _stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
                {
                    lost = "watcher-disconnected";
                    break;
                }

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    lost = "watcher-closed-by-server";
                    break;
                }

                var now = DateTimeOffset.UtcNow;
                var scanFrom = filled;
                filled += received.Count;
                var start = 0;
                for (var i = scanFrom; i < filled; i++)
                {
                    if (buffer[i] == RecordSeparator)
                    {
                        OnRecord(buffer.AsSpan(start, i - start), now);
                        start = i + 1;
                    }
                }

                // Keep a record that is not complete yet for the next receive.
                buffer.AsSpan(start, filled - start).CopyTo(buffer);
                filled -= start;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _joined.TrySetException(new InvalidOperationException($"Watcher connection lost ({lost ?? "stopped"})."));
        return _stop.IsCancellationRequested ? null : lost;
    }

    private void OnRecord(ReadOnlySpan<byte> record, DateTimeOffset receivedAt)
    {
        if (record.IndexOf("\"AuctionUpdated\""u8) >= 0)
        {
            if (TryReadServerTime(record, out var serverTime))
            {
                deliveries.RecordOk(receivedAt - serverTime);
            }
            else
            {
                deliveries.RecordFailure("view-without-serverTime");
            }
        }
        else if (record.IndexOf("\"type\":3"u8) >= 0)
        {
            if (record.IndexOf("\"error\""u8) >= 0)
            {
                _joined.TrySetException(new InvalidOperationException($"Join failed: {Encoding.UTF8.GetString(record)}"));
            }
            else
            {
                _joined.TrySetResult();
            }
        }
        else if (record.IndexOf("\"type\":7"u8) >= 0)
        {
            _joined.TrySetException(new InvalidOperationException($"The hub closed the connection: {Encoding.UTF8.GetString(record)}"));
        }
        else if (record.Length > 2 && record.IndexOf("\"error\""u8) >= 0)
        {
            _joined.TrySetException(new InvalidOperationException($"Handshake refused: {Encoding.UTF8.GetString(record)}"));
        }
    }

    private static bool TryReadServerTime(ReadOnlySpan<byte> record, out DateTimeOffset serverTime)
    {
        serverTime = default;
        var key = "\"serverTime\":\""u8;
        var at = record.IndexOf(key);
        if (at < 0)
        {
            return false;
        }

        var value = record[(at + key.Length)..];
        var end = value.IndexOf((byte)'"');
        if (end is < 0 or > 40)
        {
            return false;
        }

        Span<char> text = stackalloc char[end];
        for (var i = 0; i < end; i++)
        {
            text[i] = (char)value[i];
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out serverTime);
    }

    /// <summary>A connected and joined socket with its running receive loop.</summary>
    private sealed record Link(ClientWebSocket Socket, Task<string?> Receiving);
}
