using System.Collections.Immutable;

namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>The opening act of a procedure: when, by whom, every live offer revealed, and how many were withdrawn or replaced.</summary>
public sealed record ProcedureOpening(
    DateTimeOffset OpenedAt,
    string OpenedBy,
    ImmutableArray<OpenedOffer> Offers,
    int Withdrawn,
    int Replaced);
