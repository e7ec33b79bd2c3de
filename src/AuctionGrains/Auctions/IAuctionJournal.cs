namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// The durable, append-only bid journal keyed (auction, sequence). The auction grain appends each group-commit
/// batch in one transaction; the host implements it on SQLite or PostgreSQL.
/// </summary>
public interface IAuctionJournal
{
    /// <summary>
    /// Appends the entries (consecutive sequences of one auction) atomically: all or none. Throws when the write
    /// cannot be made durable, including when a sequence is already taken (a second activation writing history).
    /// </summary>
    Task AppendAsync(string auctionId, IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Every entry of the auction in sequence order; empty when it has none.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadAsync(string auctionId, CancellationToken cancellationToken = default);

    /// <summary>Auctions that have a journal but no <c>closed</c> entry yet (for the start-up sweep).</summary>
    Task<IReadOnlyList<string>> ListUnclosedAsync(CancellationToken cancellationToken = default);
}
