using Npgsql;

namespace CompraNet.Baseline.Auctions;

/// <summary>
/// The conventional design, in SQL: each bid is one PostgreSQL transaction that locks the auction row
/// (<c>SELECT ... FOR UPDATE</c>), reads the bidder's standing, validates, inserts the bid with the next sequence,
/// updates the bidder's best, and commits before the bidder hears back. Nothing is cached or batched across bids.
/// </summary>
public sealed class AuctionStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string AuctionColumns = """
        id, procedure_id, lot_id, title, currency, ceiling, min_step_kind, min_step, min_step_relative_to,
        starts_at, ends_at, bidder_count, sequence, bid_count, best_price
        """;

    /// <summary>Inserts the auction and its bidders in one transaction; false when the id is already taken.</summary>
    public async Task<bool> CreateAsync(AuctionTerms terms, string createdBy, CancellationToken cancellationToken)
    {
        const string InsertAuction = """
            insert into baseline_auction (id, procedure_id, lot_id, title, currency, ceiling, min_step_kind, min_step,
                min_step_relative_to, starts_at, ends_at, bidder_count, best_price, created_by, created_at)
            values (@id, @procedure_id, @lot_id, @title, @currency, @ceiling, @min_step_kind, @min_step,
                @min_step_relative_to, @starts_at, @ends_at, @bidder_count, @best_price, @created_by, @created_at)
            on conflict (id) do nothing
            """;
        const string InsertBidder = """
            insert into baseline_bidder (auction_id, supplier_id, best, best_at)
            values (@auction_id, @supplier_id, @best, @best_at)
            """;

        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(InsertAuction, connection, transaction))
        {
            command.Parameters.Add(Parameter("id", terms.AuctionId));
            command.Parameters.Add(Parameter("procedure_id", terms.ProcedureId));
            command.Parameters.Add(Parameter("lot_id", terms.LotId));
            command.Parameters.Add(Parameter("title", terms.Title));
            command.Parameters.Add(Parameter("currency", terms.Currency));
            command.Parameters.Add(Parameter("ceiling", terms.CeilingPrice));
            command.Parameters.Add(Parameter("min_step_kind", ToText(terms.MinStep.Kind)));
            command.Parameters.Add(Parameter("min_step", terms.MinStep.Value));
            command.Parameters.Add(Parameter("min_step_relative_to", ToText(terms.MinStep.RelativeTo)));
            command.Parameters.Add(Parameter("starts_at", terms.StartsAt));
            command.Parameters.Add(Parameter("ends_at", terms.EndsAt));
            command.Parameters.Add(Parameter("bidder_count", terms.Bidders.Count));
            command.Parameters.Add(Parameter("best_price", terms.Bidders.Min(b => b.InitialPrice)));
            command.Parameters.Add(Parameter("created_by", createdBy));
            command.Parameters.Add(Parameter("created_at", now));
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }

        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var bidder in terms.Bidders)
            {
                batch.BatchCommands.Add(Command(InsertBidder,
                    ("auction_id", terms.AuctionId), ("supplier_id", bidder.SupplierId), ("best", bidder.InitialPrice), ("best_at", bidder.InitialPrice is null ? null : now)));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<AuctionView?> GetViewAsync(string auctionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var auction = await ReadAuctionAsync(connection, null, auctionId, cancellationToken);
        return auction?.ToView(time.GetUtcNow());
    }

    public async Task<BidOutcome> PlaceBidAsync(string auctionId, string supplierId, decimal amount, Guid bidId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The row lock serialises the bids of one auction: the next bid waits here until this one commits. Every early
        // return below leaves without a commit, so disposing the transaction rolls back and releases the lock.
        if (await ReadAuctionAsync(connection, transaction, auctionId, cancellationToken) is not { } auction)
        {
            return new(BidResult.Refused(bidId, amount, RefusalCodes.UnknownAuction, "No auction has this id."), null);
        }

        var now = time.GetUtcNow();
        var (standing, prior) = await ReadStandingAsync(connection, transaction, auctionId, supplierId, bidId, cancellationToken);
        if (prior is not null)
        {
            return new(Repeat(auction, standing, prior, supplierId, amount, bidId, now), null);
        }

        if (BidRules.Check(auction, standing, amount, now) is { } refusal)
        {
            return new(BidResult.Refused(bidId, amount, refusal.Code, refusal.Message, auction.ToView(now, standing.Best)), null);
        }

        var sequence = auction.Sequence + 1;
        int rank;
        try
        {
            rank = await RecordAsync(connection, transaction, auctionId, supplierId, amount, bidId, sequence, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Only a bidId sent to two auctions at once gets here: within one auction the lock orders the two.
            return new(BidResult.Refused(bidId, amount, RefusalCodes.Invalid, "This bidId is already used by another bid; use a fresh UUID per bid."), null);
        }

        var after = auction with { Sequence = sequence, BidCount = auction.BidCount + 1, BestPrice = Math.Min(auction.BestPrice ?? amount, amount) };
        return new(BidResult.Accepted(bidId, amount, sequence, rank, after.ToView(now, amount, rank)), after.ToView(now));
    }

    /// <summary>The same bidId again: the original acceptance, never a second bid.</summary>
    private static BidResult Repeat(AuctionRow auction, BidderStanding standing, PriorBid prior, string supplierId, decimal amount, Guid bidId, DateTimeOffset now) =>
        prior.AuctionId == auction.Id && prior.SupplierId == supplierId
            ? BidResult.Accepted(bidId, prior.Amount, prior.Sequence, null, auction.ToView(now, standing.Best))
            : BidResult.Refused(bidId, amount, RefusalCodes.Invalid, "This bidId is already used by another bid; use a fresh UUID per bid.");

    private static async Task<AuctionRow?> ReadAuctionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string auctionId, CancellationToken cancellationToken)
    {
        const string Select = $"select {AuctionColumns} from baseline_auction where id = @id";
        const string SelectForUpdate = $"select {AuctionColumns} from baseline_auction where id = @id for update";

        await using var command = new NpgsqlCommand(transaction is null ? Select : SelectForUpdate, connection, transaction);
        command.Parameters.Add(Parameter("id", auctionId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new AuctionRow(
            reader.GetString(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetDecimal(5),
            new MinStep(Enum.Parse<StepKind>(reader.GetString(6), ignoreCase: true), reader.GetDecimal(7), Enum.Parse<StepReference>(reader.GetString(8), ignoreCase: true)),
            reader.GetFieldValue<DateTimeOffset>(9),
            reader.GetFieldValue<DateTimeOffset>(10),
            reader.GetInt32(11),
            reader.GetInt64(12),
            reader.GetInt32(13),
            reader.IsDBNull(14) ? null : reader.GetDecimal(14));
    }

    /// <summary>The bidder's row (absent: not invited) and any accepted bid with this bidId, in one round trip.</summary>
    private static async Task<(BidderStanding Standing, PriorBid? Prior)> ReadStandingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string auctionId, string supplierId, Guid bidId, CancellationToken cancellationToken)
    {
        const string SelectBidder = "select best from baseline_bidder where auction_id = @auction_id and supplier_id = @supplier_id";
        const string SelectPrior = "select auction_id, supplier_id, amount, sequence from baseline_bid where bid_id = @bid_id";

        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command(SelectBidder, ("auction_id", auctionId), ("supplier_id", supplierId)),
                Command(SelectPrior, ("bid_id", bidId)),
            },
        };

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var standing = await reader.ReadAsync(cancellationToken)
            ? new BidderStanding(true, reader.IsDBNull(0) ? null : reader.GetDecimal(0))
            : new BidderStanding(false, null);
        await reader.NextResultAsync(cancellationToken);
        var found = await reader.ReadAsync(cancellationToken)
            ? new PriorBid(reader.GetString(0), reader.GetString(1), reader.GetDecimal(2), reader.GetInt64(3))
            : null;
        return (standing, found);
    }

    /// <summary>Inserts the bid, moves the bidder's best and the auction's sequence, and returns the bidder's rank, in one round trip.</summary>
    private static async Task<int> RecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string auctionId, string supplierId, decimal amount, Guid bidId,
        long sequence, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string InsertBid = """
            insert into baseline_bid (auction_id, sequence, supplier_id, amount, bid_id, at)
            values (@auction_id, @sequence, @supplier_id, @amount, @bid_id, @at)
            """;
        const string UpdateBidder = """
            update baseline_bidder set best = @amount, best_at = @at
            where auction_id = @auction_id and supplier_id = @supplier_id
            """;
        const string UpdateAuction = """
            update baseline_auction set sequence = @sequence, bid_count = bid_count + 1, best_price = least(best_price, @amount)
            where id = @auction_id
            """;
        // Price-only ranking, earlier wins a tie: everyone else at or below this amount got there first.
        const string SelectRank = """
            select count(*) + 1 from baseline_bidder
            where auction_id = @auction_id and supplier_id <> @supplier_id and best <= @amount
            """;

        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command(InsertBid, ("auction_id", auctionId), ("sequence", sequence), ("supplier_id", supplierId), ("amount", amount), ("bid_id", bidId), ("at", now)),
                Command(UpdateBidder, ("amount", amount), ("at", now), ("auction_id", auctionId), ("supplier_id", supplierId)),
                Command(UpdateAuction, ("sequence", sequence), ("amount", amount), ("auction_id", auctionId)),
                Command(SelectRank, ("auction_id", auctionId), ("supplier_id", supplierId), ("amount", amount)),
            },
        };
        // The batch's only result set is the rank: count(*) + 1 is a bigint and never null.
        return (int)(long)(await batch.ExecuteScalarAsync(cancellationToken))!;
    }

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(Parameter(name, value));
        }

        return command;
    }

    private static NpgsqlParameter Parameter(string name, object? value) => new(name, value ?? DBNull.Value);

    private static string ToText<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
