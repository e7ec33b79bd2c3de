using CompraNet.AuctionGrains.Tenders;

namespace CompraNet.AuctionHost.Persistence;

/// <summary>Checks shared by both tender journals, before and inside the append's transaction.</summary>
internal static class TenderJournalAppend
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless every entry belongs to <paramref name="tenderId"/> and the
    /// sequences are consecutive, before any I/O.
    /// </summary>
    public static void Validate(string tenderId, IReadOnlyList<TenderJournalEntry> entries)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenderId);
        ArgumentNullException.ThrowIfNull(entries);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new ArgumentException($"Entry {i} is null.", nameof(entries));
            if (!string.Equals(entry.TenderId, tenderId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Entry {entry.Sequence} belongs to tender '{entry.TenderId}', not '{tenderId}'.", nameof(entries));
            }

            if (i > 0 && entry.Sequence != entries[i - 1].Sequence + 1)
            {
                throw new ArgumentException(
                    $"Sequences of one append must be consecutive: {entries[i - 1].Sequence} is followed by {entry.Sequence}.", nameof(entries));
            }
        }
    }

    /// <summary>
    /// Throws <see cref="InvalidOperationException"/> when the append would leave a hole after the durable head (a
    /// tender's first entry is sequence 1). A first sequence at or below the head is left to the primary key.
    /// </summary>
    public static void EnsureNoGap(string tenderId, long durableHead, long firstSequence)
    {
        if (firstSequence > durableHead + 1)
        {
            throw GapException(tenderId, durableHead, firstSequence);
        }
    }

    public static InvalidOperationException GapException(string tenderId, long durableHead, long firstSequence) =>
        new($"Not appended to tender '{tenderId}': sequence {firstSequence} does not follow its durable head {durableHead}.");
}
