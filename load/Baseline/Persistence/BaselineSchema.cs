using Npgsql;

namespace CompraNet.Baseline.Persistence;

/// <summary>
/// Creates this app's own tables when they are missing. They share no name with the engine's schema, so the baseline
/// can run against the engine's database or its own.
/// </summary>
public sealed class BaselineSchema(NpgsqlDataSource dataSource, ILogger<BaselineSchema> logger)
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        const string Sql = """
            create table if not exists baseline_auction (
                id text primary key,
                procedure_id text not null,
                lot_id text null,
                title text not null,
                currency text not null,
                ceiling numeric not null,
                min_step_kind text not null,
                min_step numeric not null,
                min_step_relative_to text not null,
                starts_at timestamptz not null,
                ends_at timestamptz not null,
                bidder_count integer not null,
                sequence bigint not null default 0,
                bid_count integer not null default 0,
                best_price numeric null,
                created_by text not null,
                created_at timestamptz not null
            );
            create table if not exists baseline_bidder (
                auction_id text not null references baseline_auction (id),
                supplier_id text not null,
                best numeric null,
                best_at timestamptz null,
                primary key (auction_id, supplier_id)
            );
            create table if not exists baseline_bid (
                auction_id text not null,
                sequence bigint not null,
                supplier_id text not null,
                amount numeric not null,
                bid_id uuid not null unique,
                at timestamptz not null,
                primary key (auction_id, sequence),
                foreign key (auction_id, supplier_id) references baseline_bidder (auction_id, supplier_id)
            );
            """;
        await using var command = dataSource.CreateCommand(Sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
        logger.LogInformation("Baseline tables are in place.");
    }
}
