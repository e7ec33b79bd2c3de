namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>What an official fills in for a procedure (new or draft): everything optional here, checked by <see cref="ProcedureRules"/>.</summary>
public sealed record ProcedureRequest
{
    public string? PlanId { get; init; }

    public int? PlanLineNo { get; init; }

    public string? Type { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Category { get; init; }

    public decimal? EstimatedAmount { get; init; }

    public IReadOnlyList<ProcedureItem>? Items { get; init; }

    public IReadOnlyList<ProcedureLot>? Lots { get; init; }

    public ProcedureTimetable? Timetable { get; init; }

    public AuctionPlan? Auction { get; init; }

    public IReadOnlyList<string>? InvitedSuppliers { get; init; }

    public string? LegalGround { get; init; }

    public string? Justification { get; init; }
}
