using System.Collections.Immutable;

namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// A tender as one viewer may see it. Before the opening it says how many offers are live and nothing about their
/// amounts or authors, to officers as to anyone; a supplier also gets its own receipts. After the opening
/// <see cref="Opening"/> holds everything. Only officers see the invitation list.
/// </summary>
[GenerateSerializer, Immutable, Alias("CompraNet.TenderStatus")]
public sealed record TenderStatus(
    [property: Id(0)] string TenderId,
    [property: Id(1)] string ProcedureId,
    [property: Id(2)] string? LotId,
    [property: Id(3)] string Title,
    [property: Id(4)] string Currency,
    [property: Id(5)] DateTimeOffset SubmissionDeadline,
    [property: Id(6)] TenderPhase Phase,
    [property: Id(7)] bool IsByInvitation,
    [property: Id(8)] ImmutableArray<string> InvitedSuppliers,
    [property: Id(9)] int LiveOffers,
    [property: Id(10)] ImmutableArray<OwnOffer> OwnOffers,
    [property: Id(11)] TenderOpening? Opening,
    [property: Id(12)] DateTimeOffset ServerTime);
