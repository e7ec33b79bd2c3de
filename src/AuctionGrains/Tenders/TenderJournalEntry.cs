namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// One durable line of a tender's append-only history. <see cref="Payload"/> is the exact canonical JSON that was
/// hashed; <see cref="Hash"/> = lowercase hex SHA-256 of UTF-8(<see cref="PreviousHash"/> + <see cref="Payload"/>),
/// the same chain as the auction journal. Until the opening, offers appear in it only sealed.
/// </summary>
[GenerateSerializer, Immutable, Alias("CompraNet.TenderJournalEntry")]
public sealed record TenderJournalEntry(
    [property: Id(0)] string TenderId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] string Type,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Payload,
    [property: Id(5)] string PreviousHash,
    [property: Id(6)] string Hash);
