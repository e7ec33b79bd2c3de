using System.Runtime.CompilerServices;
using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionHost.Persistence;

/// <summary>Checks shared by every journal, before and inside the append's transaction.</summary>
internal static class JournalAppend
{
    /// <summary>The entry type that marks an auction closed in <c>auction_index</c>.</summary>
    public const string ClosedType = "closed";

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless every entry belongs to <paramref name="key"/> and the
    /// sequences are consecutive (a repeated sequence inside one append is refused here, before any I/O).
    /// </summary>
    public static void Validate<TEntry>(
        JournalTable<TEntry> table,
        string key,
        IReadOnlyList<TEntry> entries,
        [CallerArgumentExpression(nameof(key))] string? keyParameter = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(key, keyParameter);
        ArgumentNullException.ThrowIfNull(entries);
        long? previous = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new ArgumentException($"Entry {i} is null.", nameof(entries));
            var sequence = table.ColumnsOf(entry).Sequence;
            var owner = table.KeyOf(entry);
            if (!string.Equals(owner, key, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Entry {sequence} belongs to {table.KeyNoun} '{owner}', not '{key}'.", nameof(entries));
            }

            if (previous is { } last && sequence != last + 1)
            {
                throw new ArgumentException(
                    $"Sequences of one append must be consecutive: {last} is followed by {sequence}.",
                    nameof(entries));
            }

            previous = sequence;
        }
    }

    /// <summary>
    /// Throws <see cref="InvalidOperationException"/> when the append would leave a hole after the durable head
    /// (for example after an earlier append of the same key failed); no head means any first sequence will do. A
    /// first sequence at or below the head is left to the primary key, which refuses it as taken.
    /// </summary>
    public static void EnsureNoGap<TEntry>(JournalTable<TEntry> table, string key, long? durableHead, long firstSequence)
    {
        if (durableHead is { } head && firstSequence > head + 1)
        {
            throw GapException(table, key, head, firstSequence);
        }
    }

    public static InvalidOperationException GapException<TEntry>(
        JournalTable<TEntry> table, string key, long? durableHead, long firstSequence) =>
        new($"Not appended to {table.KeyNoun} '{key}': sequence {firstSequence} does not follow its durable head {durableHead}.");

    public static bool Closes(IReadOnlyList<JournalEntry> entries) =>
        entries.Any(e => string.Equals(e.Type, ClosedType, StringComparison.Ordinal));
}
