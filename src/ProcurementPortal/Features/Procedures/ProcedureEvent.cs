namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>One step of a procedure's timeline: when, who, what. Internal steps (drafting) are shown to its unit only.</summary>
public sealed record ProcedureEvent(int Seq, DateTimeOffset At, string Actor, string Action, string Summary, bool Public);
