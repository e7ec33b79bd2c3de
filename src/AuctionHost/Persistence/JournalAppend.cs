using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionHost.Persistence;

/// <summary>Checks shared by both journals before anything reaches the database.</summary>
internal static class JournalAppend
{
    /// <summary>The entry type that marks an auction closed in <c>auction_index</c>.</summary>
    public const string ClosedType = "closed";

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless every entry belongs to <paramref name="auctionId"/> and the
    /// sequences are consecutive (a repeated sequence inside one append is refused here, before any I/O).
    /// </summary>
    public static void Validate(string auctionId, IReadOnlyList<JournalEntry> entries)
    {
        ArgumentException.ThrowIfNullOrEmpty(auctionId);
        ArgumentNullException.ThrowIfNull(entries);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new ArgumentException($"Entry {i} is null.", nameof(entries));
            if (!string.Equals(entry.AuctionId, auctionId, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Entry {entry.Sequence} belongs to auction '{entry.AuctionId}', not '{auctionId}'.", nameof(entries));
            }

            if (i > 0 && entry.Sequence != entries[i - 1].Sequence + 1)
            {
                throw new ArgumentException(
                    $"Sequences of one append must be consecutive: {entries[i - 1].Sequence} is followed by {entry.Sequence}.",
                    nameof(entries));
            }
        }
    }

    /// <summary>
    /// Throws <see cref="InvalidOperationException"/> when the append would leave a hole after the auction's
    /// durable head (for example after an earlier append of the same auction failed). A first sequence at or
    /// below the head is left to the primary key, which refuses it as taken.
    /// </summary>
    public static void EnsureNoGap(string auctionId, long? durableHead, long firstSequence)
    {
        if (durableHead is { } head && firstSequence > head + 1)
        {
            throw GapException(auctionId, head, firstSequence);
        }
    }

    public static InvalidOperationException GapException(string auctionId, long? durableHead, long firstSequence) =>
        new($"Not appended to auction '{auctionId}': sequence {firstSequence} does not follow its durable head {durableHead}.");

    public static bool Closes(IReadOnlyList<JournalEntry> entries) =>
        entries.Any(e => string.Equals(e.Type, ClosedType, StringComparison.Ordinal));
}
