namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>A procedure after a change, with warnings the official should read (e.g. the unit's non-open share over its cap).</summary>
public sealed record ProcedureOutcome(Procedure Procedure, IReadOnlyList<string> Warnings);
