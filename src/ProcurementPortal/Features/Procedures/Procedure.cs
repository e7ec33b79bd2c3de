using System.Collections.Immutable;

namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>
/// A procurement procedure, its whole state (stored as JSON beside searchable columns). It starts from a line of its
/// unit's published annual plan and cannot commit more than that line has available.
/// </summary>
public sealed record Procedure
{
    public required string Id { get; init; }

    public required string Ocid { get; init; }

    public required string UnitId { get; init; }

    public required string PlanId { get; init; }

    public required int PlanLineNo { get; init; }

    public required string Type { get; init; }

    public required string Status { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>OCDS mainProcurementCategory: goods, services or works.</summary>
    public required string Category { get; init; }

    public required decimal EstimatedAmount { get; init; }

    public required string Currency { get; init; }

    public ImmutableArray<ProcedureItem> Items { get; init; } = [];

    public ImmutableArray<ProcedureLot> Lots { get; init; } = [];

    public ProcedureTimetable? Timetable { get; init; }

    /// <summary>The electronic auction after the evaluation; null when the award follows the evaluation directly.</summary>
    public AuctionPlan? Auction { get; init; }

    /// <summary>Restricted invitation: the suppliers invited (at least three); direct award: the one supplier.</summary>
    public ImmutableArray<string> InvitedSuppliers { get; init; } = [];

    /// <summary>Direct award: the legal ground (a code of <see cref="DirectAwardGrounds"/>) and its written justification.</summary>
    public string? LegalGround { get; init; }

    public string? Justification { get; init; }

    /// <summary>The opening act, once the offers were revealed.</summary>
    public ProcedureOpening? Opening { get; init; }

    public MarketResearch? MarketResearch { get; init; }

    /// <summary>Each revealed offer's evaluation, once decided.</summary>
    public ImmutableArray<OfferEvaluation> Evaluations { get; init; } = [];

    public DateTimeOffset? EvaluatedAt { get; init; }

    /// <summary>The electronic auction among the admissible bidders, when one was held.</summary>
    public AuctionOutcome? AuctionOutcome { get; init; }

    /// <summary>The final ranking (after the auction, or by offer price when there was none).</summary>
    public ImmutableArray<RankedBidder> Ranking { get; init; } = [];

    public AwardDecision? Award { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Increments with every saved change (optimistic concurrency).</summary>
    public required int Version { get; init; }

    public int FiscalYear => CreatedAt.Year;
}
