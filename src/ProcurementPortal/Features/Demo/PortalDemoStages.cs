using CompraNet.AuctionHost.Accounts;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Evaluation;
using CompraNet.ProcurementPortal.Features.Offers;
using CompraNet.ProcurementPortal.Features.Procedures;

namespace CompraNet.ProcurementPortal.Features.Demo;

/// <summary>
/// Carries the demo's short calls on once their deadline has passed, as their officials would: the cleaning service
/// is opened and evaluated and goes to a two-hour live auction among its three bidders; the office supplies are
/// opened, evaluated (no auction planned), awarded and carried through their contract to the last payment
/// (<see cref="PortalDemoExecution"/>); the direct award that got no offer is opened and left deserted.
/// Each step runs only if the procedure is still at the stage before it, so restarts are harmless.
/// </summary>
public sealed class PortalDemoStages(
    ProcedureStore procedures, OfferService offers, EvaluationService evaluation, PortalDemoExecution execution, TimeProvider time, ILogger<PortalDemoStages> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var year = time.GetUtcNow().Year;
        var cleaning = $"I3P-{PortalDemoSeeder.Health.Id}-{year}-001";
        var supplies = $"I3P-{PortalDemoSeeder.Education.Id}-{year}-001";
        var repair = $"AD-{PortalDemoSeeder.Education.Id}-{year}-001";
        var health = new PortalActor("officer1", Roles.Officer, PortalDemoSeeder.Health.Id);
        var education = new PortalActor("officer2", Roles.Officer, PortalDemoSeeder.Education.Id);
        while (!stoppingToken.IsCancellationRequested)
        {
            var pending = false;
            try
            {
                pending |= await StepAsync(cleaning, health, auction: true, award: false, stoppingToken);
                pending |= await StepAsync(supplies, education, auction: false, award: true, stoppingToken);
                await execution.RunAsync(supplies, education, stoppingToken);
                pending |= await StepAsync(repair, education, auction: false, award: false, stoppingToken);
            }
            catch (Exception ex) when (ex is PortalValidationException or PortalConflictException or PortalUnavailableException or PortalForbiddenException or PortalNotFoundException)
            {
                logger.LogWarning(ex, "A demo stage could not run: {Message}", ex.Message);
                return;
            }

            if (!pending)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
        }
    }

    /// <summary>Runs what is due for one procedure; true while it still waits for its deadline.</summary>
    private async Task<bool> StepAsync(string id, PortalActor official, bool auction, bool award, CancellationToken cancellationToken)
    {
        var procedure = await procedures.FindAsync(id, cancellationToken);
        if (procedure is null || procedure.Timetable is not { } timetable)
        {
            return false;
        }

        if (procedure.Status == ProcedureStatus.Published)
        {
            if (time.GetUtcNow() < timetable.SubmissionDeadline)
            {
                return true;
            }

            procedure = await offers.OpenAsync(official, id, cancellationToken);
            logger.LogInformation("Demo: opened {ProcedureId} ({Offers} offers).", id, procedure.Opening?.Offers.Length);
        }

        if (procedure.Status == ProcedureStatus.Opened)
        {
            var entries = procedure.Opening!.Offers.Select(o => new Evaluation.OfferEvaluationRequest(o.SupplierId, true, null, null, null)).ToList();
            procedure = await evaluation.EvaluateAsync(official, id, new EvaluationRequest(entries, auction ? time.GetUtcNow().AddMinutes(1) : null), cancellationToken);
            logger.LogInformation("Demo: evaluated {ProcedureId}; now {Status}.", id, procedure.Status);
        }

        if (award && procedure.Status == ProcedureStatus.Evaluated)
        {
            await evaluation.AwardAsync(official, id, new AwardRequest(null, null), cancellationToken);
            logger.LogInformation("Demo: awarded {ProcedureId}.", id);
        }

        return false;
    }
}
