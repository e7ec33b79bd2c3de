using System.Text.Json;
using CompraNet.AuctionLoad.Simulations;
using Microsoft.AspNetCore.SignalR.Client;

namespace CompraNet.AuctionLoad.Targets;

/// <summary>
/// A public (anonymous) connection watching one auction, on the SignalR client library (--watcher-client signalr). Each pushed view is timed from the view's
/// <c>serverTime</c> to its receipt: the same clock, since the host runs on this machine.
/// </summary>
public sealed class WatcherConnection : IWatcherConnection
{
    private readonly HubConnection _connection;

    public WatcherConnection(LoadTarget target, Measurement deliveries)
    {
        _connection = HubConnections.Build(target.Hub("hubs/auctions"), token: null);
        _connection.On<ViewStamp>("AuctionUpdated", view => deliveries.RecordOk(DateTimeOffset.UtcNow - view.ServerTime));
        _connection.Closed += error =>
        {
            if (error is not null)
            {
                deliveries.RecordFailure(ErrorCodes.Prefix + "watcher-disconnected");
            }

            return Task.CompletedTask;
        };
    }

    public async Task StartAsync(string auctionId, CancellationToken cancellationToken)
    {
        await _connection.StartAsync(cancellationToken);
        await _connection.InvokeAsync<JsonElement>("Join", auctionId, cancellationToken);
    }

    public Task KeepAliveAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
