using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionHost.Hosting;

/// <summary>
/// Cluster mode's prompt wake-up: when membership declares a silo dead, the auctions it held lost their clocks.
/// Every surviving host then activates every unclosed auction at once (as <see cref="AuctionSweeper"/> does at start
/// and every 30 s), so a close that falls during a failover happens within seconds of the death, not of the next sweep.
/// </summary>
public sealed class SiloFailureSweeper(
    IClusterMembershipService membership, IAuctionJournal journal, IGrainFactory grains, ILogger<SiloFailureSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Silos already dead when this host joined are history: the start-up sweep covered them.
        var known = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead).Select(m => m.SiloAddress).ToHashSet();
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
        {
            var died = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead && known.Add(m.SiloAddress)).ToList();
            if (died.Count > 0)
            {
                logger.LogWarning("Silo(s) {Silos} declared dead; waking every unclosed auction.", string.Join(", ", died.Select(m => m.SiloAddress)));
                await SweepAsync(stoppingToken);
            }
        }
    }

    /// <summary>Ticks every unclosed auction; those that fail (directory still settling) are tried again a few times.</summary>
    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        IReadOnlyCollection<string> pending;
        try
        {
            pending = await journal.ListUnclosedAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not list unclosed auctions after a silo failure; the periodic sweep will retry.");
            return;
        }

        for (var attempt = 1; attempt <= 3 && pending.Count > 0; attempt++)
        {
            var failed = new System.Collections.Concurrent.ConcurrentBag<string>();
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = stoppingToken }, async (auctionId, _) =>
            {
                try
                {
                    await grains.GetGrain<IAuctionGrain>(auctionId).TickAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogDebug(ex, "Waking auction {AuctionId} after a silo failure failed (attempt {Attempt}).", auctionId, attempt);
                    failed.Add(auctionId);
                }
            });
            pending = failed;
            if (pending.Count > 0)
            {
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }

        if (pending.Count > 0)
        {
            logger.LogWarning("{Count} auction(s) could not be woken after a silo failure; the periodic sweep will retry.", pending.Count);
        }
    }
}
