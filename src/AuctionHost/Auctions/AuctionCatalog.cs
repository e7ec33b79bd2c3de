using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionHost.Hosting;

namespace CompraNet.AuctionHost.Auctions;

/// <summary>The list of auctions this platform holds (table <c>auction_catalog</c>), for the public list and the pages.</summary>
public sealed class AuctionCatalog(CompraNetDatabase db)
{
    public const int MaxPage = 200;

    public async Task AddAsync(AuctionTerms terms, string createdBy, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            INSERT INTO auction_catalog (auction_id, procedure_id, lot_id, title, currency, starts_at, ends_at, created_by, created_at)
            VALUES (@id, @procedure, @lot, @title, @currency, @starts, @ends, @by, @at)
            ON CONFLICT (auction_id) DO NOTHING
            """;
        await using var command = db.DataSource.CreateCommand(Sql);
        CompraNetDatabase.Parameter(command, "id", terms.AuctionId);
        CompraNetDatabase.Parameter(command, "procedure", terms.ProcedureId);
        CompraNetDatabase.Parameter(command, "lot", terms.LotId);
        CompraNetDatabase.Parameter(command, "title", terms.Title);
        CompraNetDatabase.Parameter(command, "currency", terms.Currency);
        CompraNetDatabase.Parameter(command, "starts", db.TimeParameter(terms.StartsAt));
        CompraNetDatabase.Parameter(command, "ends", db.TimeParameter(terms.EndsAt));
        CompraNetDatabase.Parameter(command, "by", createdBy);
        CompraNetDatabase.Parameter(command, "at", db.TimeParameter(createdAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The most recently created auctions first.</summary>
    public async Task<IReadOnlyList<AuctionSummary>> ListAsync(int limit, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT c.auction_id, c.procedure_id, c.lot_id, c.title, c.currency, c.starts_at, c.ends_at, i.closed
            FROM auction_catalog c LEFT JOIN auction_index i ON i.auction_id = c.auction_id
            ORDER BY c.created_at DESC, c.auction_id
            LIMIT @limit
            """;
        await using var command = db.DataSource.CreateCommand(Sql);
        CompraNetDatabase.Parameter(command, "limit", Math.Clamp(limit, 1, MaxPage));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<AuctionSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var startsAt = CompraNetDatabase.ReadTime(reader, 5);
            var endsAt = CompraNetDatabase.ReadTime(reader, 6);
            var closed = !reader.IsDBNull(7) && Convert.ToBoolean(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture);
            var status = closed ? AuctionStatus.Closed : now < startsAt ? AuctionStatus.Scheduled : AuctionStatus.Open;
            list.Add(new AuctionSummary(
                reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), reader.GetString(4), startsAt, endsAt, status));
        }

        return list;
    }
}
