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
        var audiences = new List<(string Group, AuctionView View)>(update.Suppliers.Count + 2)
        {
            (AuctionHub.GroupFor(id, Viewer.Public), update.Public),
            (AuctionHub.GroupFor(id, Viewer.Officer), update.Officer),
        };
        audiences.AddRange(update.Suppliers.Select(s => (AuctionHub.GroupFor(id, Viewer.Supplier(s.Key)), s.Value)));

        var sends = new List<Task>(audiences.Count * (update.Closed ? 2 : 1));
        foreach (var (group, view) in audiences)
        {
            var clients = hub.Clients.Group(group);
            sends.Add(clients.AuctionUpdated(view));
            if (update.Closed)
            {
                sends.Add(clients.AuctionClosed(view));
            }
        }

        return Task.WhenAll(sends);
    }
}
