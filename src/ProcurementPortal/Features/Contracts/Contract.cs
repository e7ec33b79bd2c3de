using System.Collections.Immutable;

namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>
/// The contract that follows a procedure's award, its whole state (stored as JSON beside searchable columns): the
/// parties, the guarantees and every version of its terms, each with its signed text. Versions are never changed
/// after they take effect; an amendment adds one.
/// </summary>
public sealed record Contract
{
    public required string Id { get; init; }

    public required string ProcedureId { get; init; }

    public required string Ocid { get; init; }

    public required string UnitId { get; init; }

    public required string SupplierId { get; init; }

    /// <summary>The OCDS award the contract comes from.</summary>
    public required string AwardId { get; init; }

    public required string Title { get; init; }

    public required string Currency { get; init; }

    public required string Status { get; init; }

    public ImmutableArray<ContractGuarantee> Guarantees { get; init; } = [];

    public ImmutableArray<ContractVersion> Versions { get; init; } = [];

    /// <summary>The pena convencional for late delivery: percent of the late delivery's value per calendar day.</summary>
    public decimal PenaltyPercentPerDay { get; init; } = ContractRules.DefaultPenaltyPercentPerDay;

    /// <summary>The advance (anticipo) in percent of the original value: 0 when the contract pays none.</summary>
    public decimal AdvancePercent { get; init; }

    /// <summary>The advance's amount: its percentage of the original value, rounded to cents.</summary>
    public decimal Advance => Versions.IsDefaultOrEmpty ? 0m : decimal.Round(Original.Value * AdvancePercent / 100m, 2, MidpointRounding.ToEven);

    /// <summary>What the approved invoices have amortised of the advance so far.</summary>
    public decimal AdvanceAmortised => PaymentOrders.Sum(o => o.Amortisation);

    /// <summary>The deliveries and milestones scheduled, in the order they were scheduled.</summary>
    public ImmutableArray<Execution.ContractDelivery> Deliveries { get; init; } = [];

    public ImmutableArray<Execution.ContractInvoice> Invoices { get; init; } = [];

    public ImmutableArray<Execution.PaymentOrder> PaymentOrders { get; init; } = [];

    /// <summary>How it ended, once it has.</summary>
    public Execution.ContractTermination? Termination { get; init; }

    /// <summary>When the second party signed version 1.</summary>
    public DateTimeOffset? DateSigned { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Increments with every saved change (optimistic concurrency).</summary>
    public required int Version { get; init; }

    /// <summary>The latest version: the one to sign while it has not taken effect.</summary>
    public ContractVersion Current => Versions[^1];

    /// <summary>The terms in force: those of the latest version in effect (version 1 while nothing is signed).</summary>
    public ContractTerms Terms => (Versions.LastOrDefault(v => v.EffectiveAt is not null) ?? Versions[0]).Terms;

    public ContractTerms Original => Versions[0].Terms;

    /// <summary>Whether any amendment in effect used the law's exception to the 20% limit (shown publicly).</summary>
    public bool ExceptionInvoked => Versions.Any(v => v.EffectiveAt is not null && v.Amendment is { Exception: true });

    /// <summary>The sum of the penalties applied; never above <see cref="PenaltyCap"/>.</summary>
    public decimal Penalties => Deliveries.Sum(d => d.Penalty);

    /// <summary>
    /// Penalties together may not exceed the performance guarantee (art. 96 RLAASSP); without one, 10% of the value in
    /// force. Reaching it lets the unit rescind the contract.
    /// </summary>
    public decimal PenaltyCap => Guarantees.FirstOrDefault(g => g.Kind == "performance") is { Amount: > 0 } performance
        ? performance.Amount
        : ContractRules.DefaultPerformanceAmount(Terms.Value);

    public static string IdFor(string procedureId) => $"{procedureId}-C1";

    public static string DocumentIdFor(string contractId) => $"{contractId}-contrato";
}
