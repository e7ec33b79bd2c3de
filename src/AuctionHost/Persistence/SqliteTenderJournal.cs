using CompraNet.AuctionGrains.Tenders;
using Microsoft.Data.Sqlite;

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
        TenderJournalAppend.Validate(tenderId, entries);
        cancellationToken.ThrowIfCancellationRequested();
        if (entries.Count == 0)
        {
            return;
        }

        TenderJournalEntry[] batch = [.. entries];
        await Task.Run(() => Append(tenderId, batch), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TenderJournalEntry>> ReadAsync(string tenderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenderId);
        const string Sql = """
            SELECT sequence, type, at, payload, previous_hash, hash
            FROM tender_journal
            WHERE tender_id = $tender_id
            ORDER BY sequence;
            """;
        await using var connection = await dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$tender_id", tenderId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<TenderJournalEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new TenderJournalEntry(
                tenderId,
                reader.GetInt64(0),
                reader.GetString(1),
                SqliteText.ToTimestamp(reader.GetString(2)),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5)));
        }

        return entries;
    }

    /// <summary>All or nothing, under the write lock taken at <c>BEGIN IMMEDIATE</c>.</summary>
    private void Append(string tenderId, TenderJournalEntry[] entries)
    {
        const string SelectHead = "SELECT coalesce(max(sequence), 0) FROM tender_journal WHERE tender_id = $tender_id;";
        const string InsertEntry = """
            INSERT INTO tender_journal (tender_id, sequence, type, at, payload, previous_hash, hash)
            VALUES ($tender_id, $sequence, $type, $at, $payload, $previous_hash, $hash);
            """;
        using var connection = dataSource.Open();
        using var transaction = connection.BeginTransaction(deferred: false);

        using (var head = connection.CreateCommand())
        {
            head.Transaction = transaction;
            head.CommandText = SelectHead;
            head.Parameters.AddWithValue("$tender_id", tenderId);
            TenderJournalAppend.EnsureNoGap(tenderId, (long)head.ExecuteScalar()!, entries[0].Sequence); // coalesce: never null
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = InsertEntry;
        insert.Parameters.AddWithValue("$tender_id", tenderId);
        var sequence = insert.Parameters.Add("$sequence", SqliteType.Integer);
        var type = insert.Parameters.Add("$type", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        var payload = insert.Parameters.Add("$payload", SqliteType.Text);
        var previousHash = insert.Parameters.Add("$previous_hash", SqliteType.Text);
        var hash = insert.Parameters.Add("$hash", SqliteType.Text);
        foreach (var entry in entries)
        {
            sequence.Value = entry.Sequence;
            type.Value = entry.Type;
            at.Value = SqliteText.FromTimestamp(entry.At);
            payload.Value = entry.Payload;
            previousHash.Value = entry.PreviousHash;
            hash.Value = entry.Hash;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
