using System.Diagnostics;
using CompraNet.AuctionLoad.Settings;
using CompraNet.AuctionLoad.Simulations;
using CompraNet.AuctionLoad.Targets;

namespace CompraNet.AuctionLoad.Scenarios;

/// <summary>
/// Thousands of public connections watch one hot auction while its bidders bid at a fixed rate (open model). Each
/// pushed view is timed from its <c>serverTime</c> (stamped by the engine for the batch that made it durable) to its
/// receipt here: delivery lag, on one machine and one clock. Views coalesce to the latest under load, by design, so
/// deliveries per watcher can be fewer than accepted bids. With several hosts (<c>--url A,B</c>) watchers and bidders
/// fail over to the next host when theirs is gone; the watchers' reconnections are figures of the result.
/// </summary>
public sealed class WatchersScenario(LoadTarget target, LoadSettings settings) : IScenario
{
    public string Name => "watchers";

    public async Task<ScenarioResult> RunAsync(CancellationToken cancellationToken)
    {
        var suppliers = BidderPool.SupplierIds(target.Accounts, Math.Max(2, settings.Bidders));
        var officer = await AuctionSetup.SignInOfficerAsync(target, cancellationToken);
        var plan = AuctionSetup.Plan($"LOAD-{settings.RunId}-watched", suppliers, BiddingLoad.AuctionLifetime(settings));
        var auctionId = (await AuctionSetup.CreateAsync(target, officer, [plan], 1, null, cancellationToken))[0];

        var deliveries = new Measurement("deliveries");
        var reconnects = new ReconnectCounter();
        var watchers = new List<IWatcherConnection>(settings.Watchers);
        using var keepAlive = new CancellationTokenSource();
        var pinging = Task.CompletedTask;
        try
        {
            await ConnectWatchersAsync(auctionId, deliveries, reconnects, watchers, cancellationToken);
            pinging = KeepAliveAsync(watchers, keepAlive.Token);
            await using var pool = await BidderPool.ConnectAsync(target, [.. suppliers.Take(settings.Bidders)], settings.ConnectConcurrency, cancellationToken);
            var copies = pool.Bidders.Select(b => new BiddingCopy(b, [new BidLane(auctionId, AuctionPlan.CeilingPrice, AuctionPlan.MinStep)])).ToArray();
            var bids = new Measurement("bids");
            var simulation = BiddingLoad.For(settings, copies.Length, settings.Rate ?? settings.WatchRate);
            var runner = new LoadRunner(Name, simulation);
            await runner.RunAsync((i, ct) => copies[i].BidAsync(ct), bids, [deliveries, bids], cancellationToken);

            var delivered = deliveries.Result();
            var bidResult = bids.Result();
            return new ScenarioResult(Name, target.Name, $"{settings.Watchers} watchers; bids: {simulation.Describe()}", delivered, [bidResult],
                new Dictionary<string, double>(runner.SendLagFigures())
                {
                    ["watchers"] = settings.Watchers,
                    ["bidders"] = copies.Length,
                    ["acceptedBidsPerSecond"] = Math.Round(bidResult.Rps, 1),
                    ["updatesPerWatcherPerSecond"] = Math.Round(delivered.Rps / settings.Watchers, 2),
                    ["reconnects"] = reconnects.Reconnects,
                    ["failedConnectAttempts"] = reconnects.FailedAttempts,
                    ["bidderReconnects"] = pool.Reconnects.Reconnects,
                    ["bidderFailedConnectAttempts"] = pool.Reconnects.FailedAttempts,
                },
                [$"auction {auctionId}; watchers joined as the public ({settings.WatcherClient} client); lag = receipt time - view serverTime (ms precision)"]);
        }
        finally
        {
            await keepAlive.CancelAsync();
            await pinging;
            await Parallel.ForEachAsync(watchers, new ParallelOptions { MaxDegreeOfParallelism = settings.ConnectConcurrency },
                async (w, _) => await w.DisposeAsync());
        }
    }

    private async Task ConnectWatchersAsync(string auctionId, Measurement deliveries, ReconnectCounter reconnects, List<IWatcherConnection> watchers,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var created = Enumerable.Range(0, settings.Watchers)
            .Select(IWatcherConnection (_) => settings.WatcherClient == "signalr"
                ? new WatcherConnection(target, deliveries, reconnects)
                : new LeanWatcherConnection(target, deliveries, reconnects))
            .ToArray();
        watchers.AddRange(created);
        var connected = 0;
        await Parallel.ForEachAsync(created, new ParallelOptions { MaxDegreeOfParallelism = settings.ConnectConcurrency, CancellationToken = cancellationToken },
            async (watcher, ct) =>
            {
                await watcher.StartAsync(auctionId, ct);
                if (Interlocked.Increment(ref connected) % 500 == 0)
                {
                    Console.WriteLine($"[setup] {connected} watchers connected");
                }
            });
        Console.WriteLine($"[setup] {settings.Watchers} watchers ({settings.WatcherClient} client) connected and joined in {clock.Elapsed.TotalSeconds:0.0}s");
    }

    private static async Task KeepAliveAsync(IReadOnlyList<IWatcherConnection> watchers, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                foreach (var watcher in watchers)
                {
                    await watcher.KeepAliveAsync(cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
        }
    }
}
