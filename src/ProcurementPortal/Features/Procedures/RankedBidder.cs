namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>A bidder's place in the final ranking and its final price (its auction price, or its offer when there was no auction).</summary>
public sealed record RankedBidder(int Rank, string SupplierId, decimal Amount);
