using System.Collections.Immutable;

namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>
/// The evaluation of one offer: whether it is technically admissible (with reasons when not), the price flags
/// (<see cref="PriceFlags"/>) and the official's decision on them, and whether it goes on (to the auction or the ranking).
/// </summary>
public sealed record OfferEvaluation(
    string SupplierId,
    decimal Total,
    bool TechnicallyAdmissible,
    string? Reasons,
    ImmutableArray<string> Flags,
    bool? FlagsAccepted,
    string? FlagDecision,
    bool Admissible);
