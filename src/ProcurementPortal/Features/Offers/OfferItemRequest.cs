namespace CompraNet.ProcurementPortal.Features.Offers;

/// <summary>The unit price offered for one item of the call (the quantity is the call's).</summary>
public sealed record OfferItemRequest(string? ItemId, decimal? UnitPrice);
