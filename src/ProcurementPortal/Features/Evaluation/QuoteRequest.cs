namespace CompraNet.ProcurementPortal.Features.Evaluation;

/// <summary>One quote: where it comes from, the amount for the whole requirement, and its date.</summary>
public sealed record QuoteRequest(string? Source, decimal? Amount, DateOnly? Date);
