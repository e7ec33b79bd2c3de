using CompraNet.AuctionGrains.Tenders;

namespace CompraNet.AuctionHost.Persistence;

/// <summary>
/// The tender journal in the embedded SQLite file. Tenders take few writes, so each append is its own
/// <c>BEGIN IMMEDIATE</c> transaction (head check, then the inserts), run off the grain's thread because
/// Microsoft.Data.Sqlite is synchronous and may wait for the file's single write lock.
/// </summary>
public sealed class SqliteTenderJournal(SqliteDataSource dataSource) : ITenderJournal
{
    public async Task AppendAsync(string tenderId, IReadOnlyList<TenderJournalEntry> entries, CancellationToken cancellationToken = default)
    {
        JournalAppend.Validate(JournalTables.Tender, tenderId, entries);
        cancellationToken.ThrowIfCancellationRequested();
        if (entries.Count == 0)
        {
            return;
        }

        TenderJournalEntry[] batch = [.. entries];
        await Task.Run(() => Append(tenderId, batch), cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<TenderJournalEntry>> ReadAsync(string tenderId, CancellationToken cancellationToken = default) =>
        SqliteJournal.ReadAsync(dataSource, JournalTables.Tender, tenderId, cancellationToken);

    /// <summary>All or nothing, under the write lock taken at <c>BEGIN IMMEDIATE</c>.</summary>
    private void Append(string tenderId, TenderJournalEntry[] entries)
    {
        using var connection = dataSource.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var journal = new SqliteJournalWriter<TenderJournalEntry>(transaction, JournalTables.Tender);

        // A tender's first entry is sequence 1: an empty journal counts as a head of 0.
        JournalAppend.EnsureNoGap(JournalTables.Tender, tenderId, journal.ReadHead(tenderId) ?? 0, entries[0].Sequence);
        journal.Insert(tenderId, entries);

        transaction.Commit();
    }
}
