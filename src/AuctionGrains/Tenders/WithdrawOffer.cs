namespace CompraNet.AuctionGrains.Tenders;

/// <summary>A supplier withdraws its live offer <see cref="OfferId"/> before the deadline; the supplier id comes from the credential.</summary>
[GenerateSerializer, Immutable, Alias("CompraNet.WithdrawOffer")]
public sealed record WithdrawOffer(
    [property: Id(0)] string SupplierId,
    [property: Id(1)] Guid OfferId);
