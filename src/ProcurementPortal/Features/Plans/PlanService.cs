using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Documents;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Plans;

/// <summary>
/// Annual acquisition plans (PAAAS): an official of a unit drafts its plan for a year, adds planned purchases and
/// publishes it; procedures then start from its lines. Everyone can read published plans; drafts stay in the unit.
/// </summary>
public sealed partial class PlanService(PortalDb db, PlanStore plans, DocumentStore documents, TimeProvider time)
{
    public async Task<AnnualPlan> CreateAsync(PortalActor actor, int fiscalYear, CancellationToken cancellationToken = default)
    {
        var unitId = RequireOfficialUnit(actor);
        var now = time.GetUtcNow();
        if (fiscalYear < now.Year - 1 || fiscalYear > now.Year + 1)
        {
            throw PortalValidationException.Of("fiscalYear", $"Plans are drafted for {now.Year - 1} to {now.Year + 1}.");
        }

        if (!await plans.CreateAsync(unitId, fiscalYear, actor.Username, now, cancellationToken))
        {
            throw new PortalConflictException("plan-exists", $"Your unit already has a plan for {fiscalYear}.");
        }

        return (await plans.FindAsync(AnnualPlan.IdFor(unitId, fiscalYear), cancellationToken))!;
    }

    public async Task<AnnualPlan> AddLineAsync(PortalActor actor, string planId, PlanLineRequest request, CancellationToken cancellationToken = default)
    {
        var plan = await RequireOwnPlanAsync(actor, planId, cancellationToken);
        if (plan.IsPublished)
        {
            throw new PortalConflictException("plan-published", "The plan is published: its lines no longer change.");
        }

        var line = Validate(request, plan.FiscalYear);
        if (await plans.AddLineAsync(planId, line, cancellationToken) is null)
        {
            throw new PortalConflictException("plan-published", "The plan was published meanwhile: its lines no longer change.");
        }

        return (await plans.FindAsync(planId, cancellationToken))!;
    }

    /// <summary>Publishes the plan and keeps its published text (CSV) as a versioned document.</summary>
    public async Task<AnnualPlan> PublishAsync(PortalActor actor, string planId, CancellationToken cancellationToken = default)
    {
        var plan = await RequireOwnPlanAsync(actor, planId, cancellationToken);
        if (plan.Lines.Count == 0)
        {
            throw PortalValidationException.Of("lines", "Add at least one planned purchase before publishing.");
        }

        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await plans.PublishAsync(connection, transaction, planId, actor.Username, now, cancellationToken))
        {
            throw new PortalConflictException("plan-published", "The plan is published already.");
        }

        await documents.AddVersionAsync(connection, transaction, new DocumentDraft(
            $"{planId}-plan", "plan", planId, DocumentKinds.AnnualPlan, $"Programa anual {plan.FiscalYear} ({plan.UnitId})", Public: true,
            "Publicación del programa anual.", $"{planId}.csv", "text/csv; charset=utf-8", Csv(plan)), now, actor.Username, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await plans.FindAsync(planId, cancellationToken))!;
    }

    /// <summary>A plan as <paramref name="actor"/> may see it: published to everyone, a draft to its unit's officials and auditors.</summary>
    public async Task<AnnualPlan> GetAsync(PortalActor? actor, string planId, CancellationToken cancellationToken = default)
    {
        var plan = await plans.FindAsync(planId, cancellationToken);
        if (plan is null || (!plan.IsPublished && actor?.ActsFor(plan.UnitId) != true && actor?.IsAuditor != true))
        {
            throw new PortalNotFoundException($"No plan {planId}.");
        }

        return plan;
    }

    internal static string RequireOfficialUnit(PortalActor actor) =>
        actor is { IsOfficial: true, UnitId: { } unit } ? unit : throw new PortalForbiddenException("Only an official of a buying unit may do this.");

    private async Task<AnnualPlan> RequireOwnPlanAsync(PortalActor actor, string planId, CancellationToken cancellationToken)
    {
        RequireOfficialUnit(actor);
        var plan = await plans.FindAsync(planId, cancellationToken) ?? throw new PortalNotFoundException($"No plan {planId}.");
        return actor.ActsFor(plan.UnitId) ? plan : throw new PortalForbiddenException("This plan belongs to another unit.");
    }

    private static PlanLine Validate(PlanLineRequest request, int fiscalYear)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.BudgetKey is null || !BudgetKeyPattern().IsMatch(request.BudgetKey))
        {
            errors["budgetKey"] = ["The budget line (partida) is 5 digits, e.g. 25301."];
        }

        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Length > 1000)
        {
            errors["description"] = ["Describe the purchase (up to 1000 characters)."];
        }

        if (request.Cucop is null || !CucopPattern().IsMatch(request.Cucop))
        {
            errors["cucop"] = ["The CUCOP code is 5 to 10 digits."];
        }

        if (request.EstimatedAmount is not { } amount || !Money.IsValidAmount(amount))
        {
            errors["estimatedAmount"] = ["Give the estimated amount: more than zero, at most two decimals."];
        }

        if (request.Currency is null || !CurrencyPattern().IsMatch(request.Currency))
        {
            errors["currency"] = ["The currency is a three-letter ISO 4217 code, e.g. MXN."];
        }

        if (!ProcedureType.IsValid(request.PlannedMethod))
        {
            errors["plannedMethod"] = [$"The planned procedure is one of: {string.Join(", ", ProcedureType.All)}."];
        }

        if (request.PlannedStart is not { } start || start.Year != fiscalYear)
        {
            errors["plannedStart"] = [$"The planned start is a date in {fiscalYear}."];
        }

        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }

        var month = new DateOnly(request.PlannedStart!.Value.Year, request.PlannedStart.Value.Month, 1);
        return new PlanLine(0, request.BudgetKey!, request.Description!.Trim(), request.Cucop!, request.EstimatedAmount!.Value, request.Currency!,
            request.PlannedMethod!, month, 0m);
    }

    private static byte[] Csv(AnnualPlan plan)
    {
        var csv = new StringBuilder("linea,partida,descripcion,cucop,monto_estimado,moneda,procedimiento,inicio\n");
        foreach (var line in plan.Lines)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{line.LineNo},{line.BudgetKey},\"{line.Description.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{line.Cucop},")
                .Append(CultureInfo.InvariantCulture, $"{line.EstimatedAmount:0.00},{line.Currency},{line.PlannedMethod},{line.PlannedStart:yyyy-MM}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex BudgetKeyPattern();

    [GeneratedRegex("^[0-9]{5,10}$")]
    private static partial Regex CucopPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
