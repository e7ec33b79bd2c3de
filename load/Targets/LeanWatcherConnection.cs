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
/// </summary>
public sealed class LeanWatcherConnection(LoadTarget target, Measurement deliveries) : IWatcherConnection
{
    private const byte RecordSeparator = 0x1e;

    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiving = Task.CompletedTask;

    public async Task StartAsync(string auctionId, CancellationToken cancellationToken)
    {
        var url = new UriBuilder(target.Hub("hubs/auctions")) { Scheme = target.Url.Scheme == "https" ? "wss" : "ws" }.Uri;
        await _socket.ConnectAsync(url, cancellationToken);
        await _socket.SendAsync(Handshake, WebSocketMessageType.Text, true, cancellationToken);
        _receiving = Task.Run(ReceiveAsync, CancellationToken.None);
        var join = Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"Join\",\"arguments\":[{JsonSerializer.Serialize(auctionId)}]}}\u001e");
        await _socket.SendAsync(join, WebSocketMessageType.Text, true, cancellationToken);
        await _joined.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    public async Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.SendAsync(Ping, WebSocketMessageType.Text, true, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }

        _socket.Abort();
        await _receiving;
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var filled = 0;
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

                var received = await _socket.ReceiveAsync(buffer.AsMemory(filled), _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    Lost("watcher-closed-by-server");
                    return;
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
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            if (!_stop.IsCancellationRequested)
            {
                Lost("watcher-disconnected");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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

    private void Lost(string code)
    {
        deliveries.RecordFailure(ErrorCodes.Prefix + code);
        _joined.TrySetException(new InvalidOperationException($"Watcher connection lost ({code})."));
    }
}
