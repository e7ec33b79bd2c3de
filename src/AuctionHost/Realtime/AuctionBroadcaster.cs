using System.Collections.Concurrent;
using System.Threading.Channels;
using CompraNet.AuctionGrains.Auctions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CompraNet.AuctionHost.Realtime;

/// <summary>
/// Receives each durable change from the auction grains on this host and sends every audience its view through
/// the hub's groups, outside the grains' turns. If sends fall behind, an auction's pending updates coalesce to the
/// latest (views are state, not deltas), so a slow client never slows an auction and memory stays bounded.
/// </summary>
public sealed class AuctionBroadcaster(
    IHubContext<AuctionHub, IAuctionClient> hub, IOptions<RealtimeOptions> options, TimeProvider time, ILogger<AuctionBroadcaster> logger)
    : BackgroundService, IAuctionUpdateSink
{
    private readonly ConcurrentDictionary<string, AuctionSnapshot> _latest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastSent = new(StringComparer.Ordinal);
    private readonly Channel<string> _due = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Publish(AuctionSnapshot snapshot)
    {
        while (true)
        {
            if (_latest.TryAdd(snapshot.AuctionId, snapshot))
            {
                _due.Writer.TryWrite(snapshot.AuctionId);
                return;
            }

            // Already due: replace it unless it is newer. TryUpdate fails if the sender took it meanwhile; retry.
            if (_latest.TryGetValue(snapshot.AuctionId, out var current)
                && (current.Sequence > snapshot.Sequence || _latest.TryUpdate(snapshot.AuctionId, snapshot, current)))
            {
                return;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.BroadcastInterval;
        await foreach (var auctionId in _due.Reader.ReadAllAsync(stoppingToken))
        {
            if (interval > TimeSpan.Zero && _lastSent.TryGetValue(auctionId, out var last)
                && time.GetElapsedTime(last) is var elapsed && elapsed < interval)
            {
                // Too soon after the last push: come back when the interval is up; newer snapshots replace this one.
                _ = RequeueAsync(auctionId, interval - elapsed, stoppingToken);
                continue;
            }

            if (!_latest.TryRemove(auctionId, out var snapshot))
            {
                continue;
            }

            if (interval > TimeSpan.Zero)
            {
                _lastSent[auctionId] = time.GetTimestamp();
                if (snapshot.Closed)
                {
                    _lastSent.Remove(auctionId);
                }
            }

            try
            {
                await SendAsync(AuctionViews.ForEveryone(snapshot));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not push auction {AuctionId} at sequence {Sequence}.", auctionId, snapshot.Sequence);
            }
        }
    }

    private async Task RequeueAsync(string auctionId, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
            _due.Writer.TryWrite(auctionId);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private Task SendAsync(AuctionBroadcast update)
    {
        var id = update.AuctionId;
        var sends = new List<Task>(update.Suppliers.Count + 2)
        {
            hub.Clients.Group(AuctionHub.GroupFor(id, Viewer.Public)).AuctionUpdated(update.Public),
            hub.Clients.Group(AuctionHub.GroupFor(id, Viewer.Officer)).AuctionUpdated(update.Officer),
        };
        foreach (var (supplierId, view) in update.Suppliers)
        {
            sends.Add(hub.Clients.Group(AuctionHub.GroupFor(id, Viewer.Supplier(supplierId))).AuctionUpdated(view));
        }

        if (update.Closed)
        {
            sends.Add(hub.Clients.Group(AuctionHub.GroupFor(id, Viewer.Public)).AuctionClosed(update.Public));
            sends.Add(hub.Clients.Group(AuctionHub.GroupFor(id, Viewer.Officer)).AuctionClosed(update.Officer));
            foreach (var (supplierId, view) in update.Suppliers)
            {
                sends.Add(hub.Clients.Group(AuctionHub.GroupFor(id, Viewer.Supplier(supplierId))).AuctionClosed(view));
            }
        }

        return Task.WhenAll(sends);
    }
}
