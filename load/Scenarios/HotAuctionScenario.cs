using CompraNet.AuctionLoad.Settings;
using CompraNet.AuctionLoad.Simulations;
using CompraNet.AuctionLoad.Targets;

namespace CompraNet.AuctionLoad.Scenarios;

/// <summary>
/// One auction, many bidders: durable acknowledged bids per second and the acknowledgement latency. Run against the
/// engine it is <c>hot-auction</c>; against load/Baseline (one PostgreSQL transaction per bid) it is <c>baseline</c>.
/// </summary>
public sealed class HotAuctionScenario(string name, LoadTarget target, LoadSettings settings) : IScenario
{
    public string Name => name;

    public async Task<ScenarioResult> RunAsync(CancellationToken cancellationToken)
    {
        var suppliers = BidderPool.SupplierIds(target.Accounts, Math.Max(2, settings.Bidders));
        var officer = await AuctionSetup.SignInOfficerAsync(target, cancellationToken);
        var plan = AuctionSetup.Plan($"LOAD-{settings.RunId}-{name}", suppliers, BiddingLoad.AuctionLifetime(settings));
        var auctionId = (await AuctionSetup.CreateAsync(target, officer, [plan], 1, null, cancellationToken))[0];

        await using var pool = await BidderPool.ConnectAsync(target, [.. suppliers.Take(settings.Bidders)], settings.ConnectConcurrency, cancellationToken);
        if (settings.Join)
        {
            await Task.WhenAll(pool.Bidders.Select(b => b.JoinAsync(auctionId, cancellationToken)));
        }

        var copies = pool.Bidders.Select(b => new BiddingCopy(b, [new BidLane(auctionId, AuctionPlan.CeilingPrice, AuctionPlan.MinStep)])).ToArray();
        var bids = new Measurement("bids");
        var simulation = BiddingLoad.For(settings, copies.Length);
        var runner = new LoadRunner(name, simulation);
        await runner.RunAsync((i, ct) => copies[i].BidAsync(ct), bids, [bids], cancellationToken);

        return new ScenarioResult(name, target.Name, simulation.Describe(), bids.Result(), [],
            new Dictionary<string, double>(runner.SendLagFigures()) { ["bidders"] = copies.Length, ["reconnects"] = pool.Reconnects.Reconnects, ["failedConnectAttempts"] = pool.Reconnects.FailedAttempts, ["auctions"] = 1 },
            [$"auction {auctionId}; bidders {(settings.Join ? "joined" : "did not join")} the auction"]);
    }
}
