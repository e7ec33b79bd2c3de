namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// The durable, append-only tender journal keyed (tender, sequence); the host implements it on SQLite or PostgreSQL.
/// It is the tender's only storage: the grain keeps no other persisted state and rebuilds from it on activation.
/// </summary>
public interface ITenderJournal
{
    /// <summary>
    /// Appends the entries (consecutive sequences of one tender, the first following the durable head) atomically:
    /// all or none. Throws when they cannot be made durable, including when a sequence is already taken.
    /// </summary>
    Task AppendAsync(string tenderId, IReadOnlyList<TenderJournalEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Every entry of the tender in sequence order; empty when it has none.</summary>
    Task<IReadOnlyList<TenderJournalEntry>> ReadAsync(string tenderId, CancellationToken cancellationToken = default);
}
