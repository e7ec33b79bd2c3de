using System.Collections.Immutable;
using CompraNet.AuctionGrains.Tenders;

namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>An offer as the opening revealed it (copied from the tender's opening act into the procedure's record).</summary>
public sealed record OpenedOffer(
    Guid OfferId,
    string SupplierId,
    DateTimeOffset ReceivedAt,
    decimal Total,
    ImmutableArray<OfferItemPrice> Items,
    string? TechnicalProposal,
    string SealedHash);
