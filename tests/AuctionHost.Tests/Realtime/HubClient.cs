using System.Text.Json;
using CompraNet.AuctionHost.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace CompraNet.AuctionHost.Tests.Realtime;

/// <summary>
/// A started connection to <c>/hubs/auctions</c> that records every <c>AuctionUpdated</c> and <c>AuctionClosed</c> as
/// raw JSON (so tests can search the exact text a client received) and lets a test await one without sleeping.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    public const string Updated = "AuctionUpdated";
    public const string Closed = "AuctionClosed";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<(string Name, JsonElement View)> _received = [];
    private readonly List<Waiter> _waiters = [];

    private HubClient(HubConnection connection, string name)
    {
        Connection = connection;
        Name = name;
        connection.On<JsonElement>(Updated, view => Record(Updated, view));
        connection.On<JsonElement>(Closed, view => Record(Closed, view));
    }

    public HubConnection Connection { get; }

    public string Name { get; }

    /// <summary>Connects as the owner of <paramref name="token"/>, or as the public when it is null.</summary>
    public static async Task<HubClient> ConnectAsync(RunningHost host, string? token, string name)
    {
        var connection = await host.ConnectAsync(token);
        return new HubClient(connection, name);
    }

    /// <summary>Starts <paramref name="connection"/> (built by the test, e.g. with a token in the URL) and records it.</summary>
    public static async Task<HubClient> StartAsync(HubConnection connection, string name)
    {
        var client = new HubClient(connection, name);
        await connection.StartAsync();
        return client;
    }

    public Task<JsonElement> JoinAsync(string auctionId) => Connection.InvokeAsync<JsonElement>("Join", auctionId);

    public Task LeaveAsync(string auctionId) => Connection.InvokeAsync("Leave", auctionId);

    public Task<JsonElement> PlaceBidAsync(string auctionId, decimal amount, string? bidId = null, bool confirm = false) =>
        Connection.InvokeAsync<JsonElement>("PlaceBid", auctionId, amount, bidId ?? Guid.NewGuid().ToString(), confirm);

    /// <summary>Every message of this name for this auction received so far, oldest first.</summary>
    public IReadOnlyList<JsonElement> Received(string name, string auctionId)
    {
        lock (_gate)
        {
            return [.. _received.Where(m => m.Name == name && AuctionOf(m.View) == auctionId).Select(m => m.View)];
        }
    }

    /// <summary>The first update of the auction whose sequence is at least <paramref name="sequence"/> (latest state wins).</summary>
    public Task<JsonElement> WaitForUpdateAsync(string auctionId, long sequence) =>
        WaitForAsync(Updated, auctionId, v => v.GetProperty("sequence").GetInt64() >= sequence, $"sequence >= {sequence}");

    public Task<JsonElement> WaitForClosedAsync(string auctionId, TimeSpan? timeout = null) =>
        WaitForAsync(Closed, auctionId, _ => true, "the close", timeout);

    /// <summary>The first message (received already or later) that matches, or a timeout naming what did arrive.</summary>
    public async Task<JsonElement> WaitForAsync(string name, string auctionId, Func<JsonElement, bool> predicate, string what, TimeSpan? timeout = null)
    {
        var waiter = new Waiter(name, auctionId, predicate);
        lock (_gate)
        {
            foreach (var (receivedName, view) in _received)
            {
                if (waiter.Matches(receivedName, view))
                {
                    return view;
                }
            }

            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Done.Task.WaitAsync(timeout ?? Timeout);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
                var seen = string.Join(", ", _received.Select(m => $"{m.Name}#{m.View.GetProperty("sequence").GetInt64()}:{m.View.GetProperty("status").GetString()}"));
                throw new TimeoutException($"{Name} did not receive {name} of {auctionId} with {what} within {(timeout ?? Timeout).TotalSeconds} s; received: [{seen}]");
            }
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private static string? AuctionOf(JsonElement view) =>
        view.TryGetProperty("auctionId", out var id) ? id.GetString() : null;

    private void Record(string name, JsonElement view)
    {
        var copy = view.Clone();
        lock (_gate)
        {
            _received.Add((name, copy));
            foreach (var waiter in _waiters.Where(w => w.Matches(name, copy)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(copy);
            }
        }
    }

    private sealed class Waiter(string name, string auctionId, Func<JsonElement, bool> predicate)
    {
        public TaskCompletionSource<JsonElement> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Matches(string receivedName, JsonElement view) =>
            receivedName == name && AuctionOf(view) == auctionId && predicate(view);
    }
}
