using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionHost.Hosting;

/// <summary>
/// The durable wake-up: at start and then every <see cref="Interval"/>, activates every auction whose journal has
/// no close, so an auction whose time came while no silo held it closes at once, and a live one re-arms its timer.
/// </summary>
public sealed class AuctionSweeper(IAuctionJournal journal, IGrainFactory grains, TimeProvider time, ILogger<AuctionSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var unclosed = await journal.ListUnclosedAsync(stoppingToken);
                await Parallel.ForEachAsync(unclosed, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = stoppingToken },
                    async (auctionId, _) => await grains.GetGrain<IAuctionGrain>(auctionId).TickAsync());
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Auction sweep failed; retrying in {Interval}.", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
