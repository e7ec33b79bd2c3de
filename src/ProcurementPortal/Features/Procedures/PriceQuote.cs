namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>One quote of the market research: its source (a supplier's quotation, a catalogue, a past contract) and the amount for the whole requirement.</summary>
public sealed record PriceQuote(string Source, decimal Amount, DateOnly Date);
