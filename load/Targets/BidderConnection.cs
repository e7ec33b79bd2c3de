using System.Text.Json;
using CompraNet.AuctionLoad.Simulations;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CompraNet.AuctionLoad.Targets;

/// <summary>
/// One supplier's connection to <c>/hubs/auctions</c>: it bids with a fresh UUID per bid and reads the acknowledgement.
/// With several hosts (<c>--url A,B</c>) it connects to the first; when its connection is gone (closed, or a call fails
/// with a connection error) it connects to the next host in turn with a short backoff, joins again the auctions it had
/// joined, and re-sends the bid that was in flight with the same bidId — the engine answers a repeated bidId with the
/// original result, so a bid acknowledged before the drop is not counted twice. The no-failure path is one hub call.
/// </summary>
public sealed class BidderConnection : IAsyncDisposable
{
    public const string AcceptedStatus = "accepted";

    /// <summary>How long one bid keeps trying to reach a host before it is reported as failed.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    private readonly IReadOnlyList<Uri> _hubUrls;
    private readonly string _token;
    private readonly ReconnectCounter _counter;
    private readonly SemaphoreSlim _reconnecting = new(1, 1);
    private readonly List<string> _joined = [];
    private HubConnection _connection;
    private int _urlIndex;
    private int _generation;

    private BidderConnection(string supplierId, IReadOnlyList<Uri> hubUrls, string token, ReconnectCounter counter)
    {
        SupplierId = supplierId;
        _hubUrls = hubUrls;
        _token = token;
        _counter = counter;
        _connection = HubConnections.Build(hubUrls[0], token);
    }

    public string SupplierId { get; }

    public static BidderConnection Create(LoadTarget target, string supplierId, string token, ReconnectCounter counter) =>
        new(supplierId, [.. target.Urls.Select(u => new Uri(u, "hubs/auctions"))], token, counter);

    public Task StartAsync(CancellationToken cancellationToken) => _connection.StartAsync(cancellationToken);

    public async Task<JsonElement> JoinAsync(string auctionId, CancellationToken cancellationToken)
    {
        var view = await CallAsync(c => c.InvokeAsync<JsonElement>("Join", auctionId, cancellationToken), cancellationToken);
        lock (_joined)
        {
            if (!_joined.Contains(auctionId))
            {
                _joined.Add(auctionId);
            }
        }

        return view;
    }

    public async Task<StepOutcome> PlaceBidAsync(string auctionId, decimal amount, CancellationToken cancellationToken)
    {
        var bidId = Guid.NewGuid().ToString();
        var ack = await CallAsync(c => c.InvokeAsync<BidAck>("PlaceBid", auctionId, amount, bidId, false, cancellationToken), cancellationToken);
        return ack.Status == AcceptedStatus ? StepOutcome.Ok : StepOutcome.Fail(ack.Code ?? ack.Status ?? "no-status");
    }

    /// <summary>Runs a hub call; on a connection error, reconnects (next host) and runs the same call again.</summary>
    private async Task<T> CallAsync<T>(Func<HubConnection, Task<T>> call, CancellationToken cancellationToken)
    {
        var connection = _connection;
        var generation = Volatile.Read(ref _generation);
        try
        {
            return await call(connection);
        }
        catch (Exception ex) when (IsConnectionError(ex, cancellationToken))
        {
        }

        var deadline = DateTime.UtcNow + GiveUpAfter;
        while (true)
        {
            generation = await ReconnectAsync(generation, deadline, cancellationToken);
            try
            {
                return await call(_connection);
            }
            catch (Exception ex) when (IsConnectionError(ex, cancellationToken) && DateTime.UtcNow < deadline)
            {
            }
        }
    }

    /// <summary>
    /// Replaces the connection unless another call already did (its generation moved on): tries the next hosts in turn,
    /// a short backoff apart, until one accepts the connection and the joined auctions are joined again.
    /// </summary>
    private async Task<int> ReconnectAsync(int failedGeneration, DateTime deadline, CancellationToken cancellationToken)
    {
        await _reconnecting.WaitAsync(cancellationToken);
        try
        {
            if (_generation != failedGeneration && _connection.State == HubConnectionState.Connected)
            {
                return _generation;
            }

            for (var attempt = 0; ; attempt++)
            {
                if (attempt > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 100 * (1 << Math.Min(attempt - 1, 4)))), cancellationToken);
                }

                _urlIndex = (_urlIndex + 1) % _hubUrls.Count;
                var next = HubConnections.Build(_hubUrls[_urlIndex], _token);
                try
                {
                    await next.StartAsync(cancellationToken);
                    string[] joined;
                    lock (_joined)
                    {
                        joined = [.. _joined];
                    }

                    foreach (var auctionId in joined)
                    {
                        await next.InvokeAsync<JsonElement>("Join", auctionId, cancellationToken);
                    }
                }
                catch (Exception ex) when (IsConnectionError(ex, cancellationToken) || ex is HubException)
                {
                    // Not there, not ready, or the auction is still moving to a survivor (the join is refused): next host.
                    _counter.AttemptFailed();
                    await next.DisposeAsync();
                    if (DateTime.UtcNow >= deadline)
                    {
                        throw;
                    }

                    continue;
                }

                var old = _connection;
                _connection = next;
                _generation++;
                _counter.Reconnected();
                _ = old.DisposeAsync().AsTask();
                return _generation;
            }
        }
        finally
        {
            _reconnecting.Release();
        }
    }

    /// <summary>The connection is gone (closed, refused, reset), as opposed to the server answering or the caller cancelling.</summary>
    private static bool IsConnectionError(Exception ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && ex is not HubException;

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _reconnecting.Dispose();
    }
}
