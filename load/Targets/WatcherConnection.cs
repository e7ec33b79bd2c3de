using System.Text.Json;
using CompraNet.AuctionLoad.Simulations;
using Microsoft.AspNetCore.SignalR.Client;

namespace CompraNet.AuctionLoad.Targets;

/// <summary>
/// A public (anonymous) connection watching one auction, on the SignalR client library (--watcher-client signalr). Each pushed view is timed from the view's
/// <c>serverTime</c> to its receipt: the same clock, since the host runs on this machine. With several hosts
/// (<c>--url A,B</c>) a closed connection is replaced through <see cref="WatcherFailover"/>: a new one to the next host, joined again.
/// </summary>
public sealed class WatcherConnection(LoadTarget target, Measurement deliveries, ReconnectCounter reconnects) : IWatcherConnection
{
    private readonly WatcherFailover _failover = WatcherFailover.For(target, reconnects);
    private readonly CancellationTokenSource _stop = new();
    private string _auctionId = "";
    private volatile HubConnection? _connection;
    private Task _running = Task.CompletedTask;

    public async Task StartAsync(string auctionId, CancellationToken cancellationToken)
    {
        _auctionId = auctionId;
        var link = await ConnectAsync(_failover.FirstHub, cancellationToken);
        _connection = link.Connection;
        _running = RunAsync(link);
    }

    public Task KeepAliveAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }

        await _running;
        // A failover that completed while stopping left its connection here.
        if (_connection is { } last)
        {
            await last.DisposeAsync();
        }

        _stop.Dispose();
    }

    /// <summary>Starts and joins a new connection; disposes it on failure.</summary>
    private async Task<Link> ConnectAsync(Uri hub, CancellationToken cancellationToken)
    {
        var connection = HubConnections.Build(hub, token: null);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        connection.On<ViewStamp>("AuctionUpdated", view => deliveries.RecordOk(DateTimeOffset.UtcNow - view.ServerTime));
        try
        {
            await connection.StartAsync(cancellationToken);
            await connection.InvokeAsync<JsonElement>("Join", _auctionId, cancellationToken);
            return new Link(connection, closed.Task);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for the connection to close, then fails over; records the loss as a failure only when that is not possible.</summary>
    private async Task RunAsync(Link link)
    {
        while (true)
        {
            Exception? error;
            Link? next = null;
            try
            {
                // Stopping ends the wait too: a connection a failover made while stopping is disposed by DisposeAsync.
                error = await link.Closed.WaitAsync(_stop.Token);
                if (_failover.CanFailOver)
                {
                    next = await _failover.ReconnectAsync(ConnectAsync, _stop.Token);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }

            if (next is null)
            {
                // With one host a close without an error is the server (or this tool) ending the connection, as before.
                if (!_stop.IsCancellationRequested && (error is not null || _failover.CanFailOver))
                {
                    deliveries.RecordFailure(ErrorCodes.Prefix + (error is null ? "watcher-closed-by-server" : "watcher-disconnected"));
                }

                return;
            }

            _connection = next.Connection;
            await link.Connection.DisposeAsync();
            link = next;
        }
    }

    /// <summary>A started and joined connection, and the task its <c>Closed</c> event completes.</summary>
    private sealed record Link(HubConnection Connection, Task<Exception?> Closed);
}
