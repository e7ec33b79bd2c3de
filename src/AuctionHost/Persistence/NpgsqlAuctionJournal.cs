using CompraNet.AuctionGrains.Auctions;
using Npgsql;

namespace CompraNet.AuctionHost.Persistence;

/// <summary>
/// The bid journal in PostgreSQL (cluster mode). Each append is one statement, hence one transaction: a
/// multi-row insert from array parameters plus the <c>auction_index</c> upsert, so a taken sequence (another
/// activation writing history) or a gap after the durable head fails the whole append and writes nothing.
/// </summary>
/// <remarks>
/// PostgreSQL serves many writers, so appends are not queued here; the grain's own group commit batches bids.
/// <see cref="JournalEntry.At"/> is stored as <c>timestamptz</c>: microsecond precision, read back in UTC.
/// </remarks>
public sealed class NpgsqlAuctionJournal(NpgsqlDataSource dataSource, TimeProvider time) : IAuctionJournal
{
    public Task AppendAsync(string auctionId, IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        // One statement, so one transaction. The entries go in only if the first one follows the durable head
        // (a first sequence at or below it is refused by the primary key as taken); the index row is upserted
        // only when they do. Data-modifying CTEs always run to completion.
        const string Sql = """
            WITH head AS (
                SELECT max(sequence) AS sequence FROM auction_journal WHERE auction_id = @auction_id
            ), appended AS (
                INSERT INTO auction_journal (auction_id, sequence, type, at, payload, previous_hash, hash)
                SELECT @auction_id, e.sequence, e.type, e.at, e.payload, e.previous_hash, e.hash
                FROM unnest(@sequences, @types, @ats, @payloads, @previous_hashes, @hashes)
                    AS e (sequence, type, at, payload, previous_hash, hash)
                WHERE @first_sequence <= coalesce((SELECT sequence FROM head) + 1, @first_sequence)
                ORDER BY e.sequence
                RETURNING 1
            ), indexed AS (
                INSERT INTO auction_index (auction_id, closed, updated_at)
                SELECT @auction_id, @closed, @updated_at
                WHERE EXISTS (SELECT 1 FROM appended)
                ON CONFLICT (auction_id) DO UPDATE
                    SET closed = auction_index.closed OR excluded.closed,
                        updated_at = excluded.updated_at
            )
            SELECT (SELECT count(*) FROM appended) AS appended, (SELECT sequence FROM head) AS head
            """;
        return NpgsqlJournal.AppendAsync(dataSource, JournalTables.Auction, Sql, auctionId, entries, parameters =>
        {
            parameters.Add(new NpgsqlParameter<bool>("closed", JournalAppend.Closes(entries)));
            parameters.Add(new NpgsqlParameter<DateTimeOffset>("updated_at", time.GetUtcNow().ToUniversalTime()));
        }, cancellationToken);
    }

    public Task<IReadOnlyList<JournalEntry>> ReadAsync(string auctionId, CancellationToken cancellationToken = default) =>
        NpgsqlJournal.ReadAsync(dataSource, JournalTables.Auction, auctionId, cancellationToken);

    public async Task<IReadOnlyList<string>> ListUnclosedAsync(CancellationToken cancellationToken = default)
    {
        const string Sql = "SELECT auction_id FROM auction_index WHERE NOT closed ORDER BY auction_id";
        await using var command = dataSource.CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var auctions = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            auctions.Add(reader.GetString(0));
        }

        return auctions;
    }
}
