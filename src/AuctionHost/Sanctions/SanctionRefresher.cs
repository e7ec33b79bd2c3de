namespace CompraNet.AuctionHost.Sanctions;

/// <summary>Reloads the sanctions every <see cref="Interval"/> so changes made by another host or the registry reach the bid path.</summary>
public sealed class SanctionRefresher(SanctionRegistry registry, TimeProvider time, ILogger<SanctionRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await registry.ReloadAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Keep the last known list: refusing every bid because the registry blinked would be worse.
                logger.LogWarning(ex, "Could not reload sanctions; keeping the last known list.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
