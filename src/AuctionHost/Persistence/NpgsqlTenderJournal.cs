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
    public Task AppendAsync(string tenderId, IReadOnlyList<TenderJournalEntry> entries, CancellationToken cancellationToken = default)
    {
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
        return NpgsqlJournal.AppendAsync(dataSource, JournalTables.Tender, Sql, tenderId, entries, null, cancellationToken);
    }

    public Task<IReadOnlyList<TenderJournalEntry>> ReadAsync(string tenderId, CancellationToken cancellationToken = default) =>
        NpgsqlJournal.ReadAsync(dataSource, JournalTables.Tender, tenderId, cancellationToken);
}
