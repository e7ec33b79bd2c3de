using CompraNet.AuctionGrains.Tenders;
using Npgsql;

namespace CompraNet.AuctionHost.Persistence;

/// <summary>
/// The tender journal in PostgreSQL (cluster mode). Each append is one statement, hence one transaction: a multi-row
/// insert from array parameters that writes only if the first entry follows the durable head, so a taken sequence
/// (another activation) or a gap fails the whole append and writes nothing.
/// </summary>
public sealed class NpgsqlTenderJournal(NpgsqlDataSource dataSource) : ITenderJournal
{
    public async Task AppendAsync(string tenderId, IReadOnlyList<TenderJournalEntry> entries, CancellationToken cancellationToken = default)
    {
        TenderJournalAppend.Validate(tenderId, entries);
        cancellationToken.ThrowIfCancellationRequested();
        if (entries.Count == 0)
        {
            return;
        }

        // A first sequence at or below the head reaches the primary key and is refused as taken; one beyond it
        // inserts nothing and is reported as a gap.
        const string Sql = """
            WITH head AS (
                SELECT coalesce(max(sequence), 0) AS sequence FROM tender_journal WHERE tender_id = @tender_id
            ), appended AS (
                INSERT INTO tender_journal (tender_id, sequence, type, at, payload, previous_hash, hash)
                SELECT @tender_id, e.sequence, e.type, e.at, e.payload, e.previous_hash, e.hash
                FROM unnest(@sequences, @types, @ats, @payloads, @previous_hashes, @hashes)
                    AS e (sequence, type, at, payload, previous_hash, hash)
                WHERE @first_sequence <= (SELECT sequence FROM head) + 1
                ORDER BY e.sequence
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM appended) AS appended, (SELECT sequence FROM head) AS head
            """;
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<string>("tender_id", tenderId));
        command.Parameters.Add(new NpgsqlParameter<long>("first_sequence", entries[0].Sequence));
        command.Parameters.Add(new NpgsqlParameter<long[]>("sequences", [.. entries.Select(e => e.Sequence)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("types", [.. entries.Select(e => e.Type)]));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("ats", [.. entries.Select(e => e.At.ToUniversalTime())]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("payloads", [.. entries.Select(e => e.Payload)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("previous_hashes", [.. entries.Select(e => e.PreviousHash)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("hashes", [.. entries.Select(e => e.Hash)]));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var appended = reader.GetInt64(0);
        var head = reader.GetInt64(1);
        if (appended != entries.Count)
        {
            throw TenderJournalAppend.GapException(tenderId, head, entries[0].Sequence);
        }
    }

    public async Task<IReadOnlyList<TenderJournalEntry>> ReadAsync(string tenderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenderId);
        const string Sql = """
            SELECT sequence, type, at, payload, previous_hash, hash
            FROM tender_journal
            WHERE tender_id = @tender_id
            ORDER BY sequence
            """;
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<string>("tender_id", tenderId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<TenderJournalEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new TenderJournalEntry(
                tenderId,
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5)));
        }

        return entries;
    }
}
