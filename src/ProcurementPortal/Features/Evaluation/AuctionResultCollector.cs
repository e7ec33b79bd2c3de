using CompraNet.ProcurementPortal.Features.Procedures;
using Microsoft.Extensions.Options;

namespace CompraNet.ProcurementPortal.Features.Evaluation;

/// <summary>
/// Brings the engine's auction results back into their procedures: every few seconds it looks at the procedures
/// whose auction is running and records the ranking of those the engine has closed. It keeps no state of its own, so
/// a result closed while the portal was down is collected when it starts again.
/// </summary>
public sealed class AuctionResultCollector(
    ProcedureStore procedures, EvaluationService evaluation, IOptions<EvaluationOptions> options, TimeProvider time, ILogger<AuctionResultCollector> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var id in await procedures.IdsWithStatusAsync(ProcedureStatus.Auction, stoppingToken))
                {
                    await evaluation.CollectAuctionResultAsync(id, stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Collecting auction results failed; trying again shortly.");
            }

            await Task.Delay(options.Value.CollectInterval, time, stoppingToken);
        }
    }
}
