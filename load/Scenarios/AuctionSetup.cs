using System.Diagnostics;
using CompraNet.AuctionLoad.Simulations;
using CompraNet.AuctionLoad.Targets;

namespace CompraNet.AuctionLoad.Scenarios;

/// <summary>Signs the officer in and creates a scenario's auctions, a few at a time; optionally times each creation.</summary>
public static class AuctionSetup
{
    public static async Task<string> SignInOfficerAsync(LoadTarget target, CancellationToken cancellationToken)
    {
        using var api = new AuctionApi(target.Url);
        return await api.SignInAsync(target.Accounts.Officer, target.Accounts.OfficerPassword, cancellationToken);
    }

    /// <summary>Creates the auctions (ids in plan order); each creation's latency goes to <paramref name="timing"/> when given.</summary>
    public static async Task<IReadOnlyList<string>> CreateAsync(LoadTarget target, string officerToken, IReadOnlyList<AuctionPlan> plans,
        int concurrency, Measurement? timing, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var api = new AuctionApi(target.Url);
        var ids = new string[plans.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, plans.Count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var started = Stopwatch.GetTimestamp();
                ids[i] = await api.CreateAuctionAsync(officerToken, plans[i], ct);
                timing?.RecordOk(Stopwatch.GetElapsedTime(started));
            });
        Console.WriteLine($"[setup] {plans.Count} auction(s) created on {target.Name} in {clock.Elapsed.TotalSeconds:0.0}s");
        return ids;
    }

    public static AuctionPlan Plan(string procedureId, IReadOnlyList<string> bidders, TimeSpan lasting) =>
        new(procedureId, $"Load test {procedureId}", bidders, DateTimeOffset.UtcNow.AddSeconds(-1), DateTimeOffset.UtcNow + lasting);
}
