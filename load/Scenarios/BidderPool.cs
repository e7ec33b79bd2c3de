using System.Diagnostics;
using CompraNet.AuctionLoad.Targets;

namespace CompraNet.AuctionLoad.Scenarios;

/// <summary>The bidders of a scenario: each supplier signed in once (the host limits sign-ins per account) and connected once.</summary>
public sealed class BidderPool : IAsyncDisposable
{
    private BidderPool(IReadOnlyList<BidderConnection> bidders) => Bidders = bidders;

    public IReadOnlyList<BidderConnection> Bidders { get; }

    /// <summary>Reconnections of these bidders to the next host of <c>--url</c> (a figure of the result).</summary>
    public ReconnectCounter Reconnects { get; } = new();

    public static IReadOnlyList<string> SupplierIds(TargetAccounts accounts, int count)
    {
        if (accounts.KnownSupplierCount is { } known && count > known)
        {
            throw new ScenarioSetupException(
                $"{count} bidders need {count} supplier accounts, but only the {known} demo suppliers are known. Seed them with " +
                "`dotnet <AuctionHost.dll> accounts seed-suppliers --prefix load --count N --password P` and pass --supplier-prefix load --supplier-password P.");
        }

        return [.. Enumerable.Range(0, count).Select(accounts.SupplierName)];
    }

    public static async Task<BidderPool> ConnectAsync(LoadTarget target, IReadOnlyList<string> supplierIds, int concurrency, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var api = new AuctionApi(target.Url);
        var bidders = new BidderConnection[supplierIds.Count];
        var pool = new BidderPool(bidders);
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, supplierIds.Count),
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (i, ct) =>
                {
                    var token = await api.SignInAsync(supplierIds[i], target.Accounts.SupplierPassword, ct);
                    var bidder = BidderConnection.Create(target, supplierIds[i], token, pool.Reconnects);
                    bidders[i] = bidder;
                    await bidder.StartAsync(ct);
                });
        }
        catch
        {
            await pool.DisposeAsync();
            throw;
        }

        Console.WriteLine($"[setup] {supplierIds.Count} bidders signed in and connected to {target.Name} in {clock.Elapsed.TotalSeconds:0.0}s");
        return pool;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var bidder in Bidders)
        {
            if (bidder is not null)
            {
                await bidder.DisposeAsync();
            }
        }
    }
}
