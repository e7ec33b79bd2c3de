using CompraNet.AuctionLoad.Settings;
using CompraNet.AuctionLoad.Simulations;
using CompraNet.AuctionLoad.Targets;

namespace CompraNet.AuctionLoad.Scenarios;

/// <summary>
/// Many live auctions at once (1,000 by default), the bidders spread over them: auction a invites bidders a and
/// a+1 (mod the bidder count) and every bidder b with b mod auctions = a; each bidder takes its auctions in turn.
/// </summary>
public sealed class ManyAuctionsScenario(LoadTarget target, LoadSettings settings) : IScenario
{
    public string Name => "many-auctions";

    public async Task<ScenarioResult> RunAsync(CancellationToken cancellationToken)
    {
        var bidderCount = Math.Max(2, settings.Bidders);
        var suppliers = BidderPool.SupplierIds(target.Accounts, bidderCount);
        var invited = Enumerable.Range(0, settings.Auctions).Select(a => Invited(a, bidderCount, settings.Auctions)).ToArray();
        var officer = await AuctionSetup.SignInOfficerAsync(target, cancellationToken);
        var plans = invited.Select((bidders, a) =>
            AuctionSetup.Plan($"LOAD-{settings.RunId}-M{a:00000}", [.. bidders.Select(b => suppliers[b])], BiddingLoad.AuctionLifetime(settings))).ToArray();
        var auctionIds = await AuctionSetup.CreateAsync(target, officer, plans, settings.ConnectConcurrency, null, cancellationToken);

        await using var pool = await BidderPool.ConnectAsync(target, [.. suppliers.Take(settings.Bidders)], settings.ConnectConcurrency, cancellationToken);
        var copies = pool.Bidders.Select((bidder, b) => new BiddingCopy(bidder,
            [.. Enumerable.Range(0, settings.Auctions).Where(a => invited[a].Contains(b))
                .Select(a => new BidLane(auctionIds[a], AuctionPlan.CeilingPrice, AuctionPlan.MinStep))])).ToArray();
        if (settings.Join)
        {
            await Parallel.ForEachAsync(copies, cancellationToken, async (copy, ct) =>
            {
                foreach (var lane in copy.Lanes)
                {
                    await copy.Bidder.JoinAsync(lane.AuctionId, ct);
                }
            });
        }

        var bids = new Measurement("bids");
        var simulation = BiddingLoad.For(settings, copies.Length);
        var runner = new LoadRunner(Name, simulation);
        await runner.RunAsync((i, ct) => copies[i].BidAsync(ct), bids, [bids], cancellationToken);

        var lanes = copies.Sum(c => c.Lanes.Count);
        return new ScenarioResult(Name, target.Name, simulation.Describe(), bids.Result(), [],
            new Dictionary<string, double>(runner.SendLagFigures()) { ["bidders"] = copies.Length, ["reconnects"] = pool.Reconnects.Reconnects, ["failedConnectAttempts"] = pool.Reconnects.FailedAttempts, ["auctions"] = settings.Auctions, ["biddingLanes"] = lanes },
            [$"{settings.Auctions} live auctions, {lanes} (bidder, auction) lanes over {copies.Length} bidders"]);
    }

    private static HashSet<int> Invited(int auction, int bidders, int auctions)
    {
        var set = new HashSet<int> { auction % bidders, (auction + 1) % bidders };
        for (var b = auction; b < bidders; b += auctions)
        {
            set.Add(b);
        }

        return set;
    }
}
