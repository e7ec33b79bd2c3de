using System.Collections.Immutable;

namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>
/// The market research (investigación de mercado): price quotes for the whole requirement and their sources; the
/// reference price is their average. Kept internal until the award, so it cannot anchor the offers.
/// </summary>
public sealed record MarketResearch(ImmutableArray<PriceQuote> Quotes, DateTimeOffset RecordedAt, string RecordedBy)
{
    public decimal ReferencePrice => Quotes.IsDefaultOrEmpty ? 0m : decimal.Round(Quotes.Average(q => q.Amount), 2);
}
