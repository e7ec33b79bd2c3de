using System.Collections.Immutable;

namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// The opening act: every live offer revealed at once, in the order received, with who opened them and when. It is
/// the data of the public minutes (acta de apertura) and is journaled as the tender's <c>opened</c> entry.
/// </summary>
[GenerateSerializer, Immutable, Alias("CompraNet.TenderOpening")]
public sealed record TenderOpening(
    [property: Id(0)] string TenderId,
    [property: Id(1)] string ProcedureId,
    [property: Id(2)] string? LotId,
    [property: Id(3)] string Title,
    [property: Id(4)] string Currency,
    [property: Id(5)] DateTimeOffset SubmissionDeadline,
    [property: Id(6)] DateTimeOffset OpenedAt,
    [property: Id(7)] string OpenedBy,
    [property: Id(8)] long Sequence,
    [property: Id(9)] ImmutableArray<RevealedOffer> Offers,
    [property: Id(10)] int WithdrawnOffers,
    [property: Id(11)] int ReplacedOffers);
