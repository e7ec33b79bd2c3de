using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Persistence;
using CompraNet.AuctionHost.Tests.Infrastructure;
using Npgsql;

namespace CompraNet.AuctionHost.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class SchemaMigratorPostgresTests(PostgresFixture postgres)
{
    [Fact]
    public async Task MigratePostgresAsync_RunTwice_AppliesEveryScriptOnceAndKeepsData()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync(migrate: false));

        var first = await SchemaMigrator.MigratePostgresAsync(dataSource);
        await ExecuteAsync(dataSource, "INSERT INTO accounts VALUES ('ana', 'hash', 'officer', 'Ana', now())");
        var second = await SchemaMigrator.MigratePostgresAsync(dataSource);

        Assert.Equal(ScriptNames(), first);
        Assert.Empty(second);
        Assert.Equal((long)ScriptNames().Count, await ScalarAsync(dataSource, "SELECT count(*) FROM schema_migrations"));
        Assert.Equal(1L, await ScalarAsync(dataSource, "SELECT count(*) FROM accounts"));
    }

    [Fact]
    public async Task MigratePostgresAsync_FourHostsStartingAtOnce_AppliesEveryScriptOnce()
    {
        var connectionString = await postgres.CreateDatabaseAsync(migrate: false);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            return await SchemaMigrator.MigratePostgresAsync(dataSource);
        })));

        await using var check = NpgsqlDataSource.Create(connectionString);
        Assert.Equal(ScriptNames(), runs.SelectMany(applied => applied).Order(StringComparer.Ordinal));
        Assert.Equal((long)ScriptNames().Count, await ScalarAsync(check, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task MigrateAsync_PostgresOptions_MigratesTheDatabaseOfTheConnectionString()
    {
        var connectionString = await postgres.CreateDatabaseAsync(migrate: false);
        var options = new CompraNetOptions { Storage = "postgres" };

        var applied = await SchemaMigrator.MigrateAsync(options, connectionString);

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        Assert.Equal(ScriptNames(), applied);
        Assert.Equal(
            "ClearStorageKey,DeleteStorageKey,ReadFromStorageKey,WriteToStorageKey",
            await ScalarAsync(dataSource, "SELECT string_agg(QueryKey, ',' ORDER BY QueryKey) FROM OrleansQuery"));
    }

    [Fact]
    public async Task MigrateAsync_PostgresOptionsWithoutConnectionString_Throws()
    {
        var options = new CompraNetOptions { Storage = "postgres" };

        await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaMigrator.MigrateAsync(options, null));
    }

    [Fact]
    public async Task Schema_UpdateOrDeleteOfAJournalEntry_IsRefused()
    {
        var auction = $"LPN-{Guid.NewGuid():N}";
        await ExecuteAsync(postgres.DataSource, "INSERT INTO auction_journal VALUES (@a, 1, 'bid', now(), '{}', '', 'h')", auction);

        await Assert.ThrowsAsync<PostgresException>(
            () => ExecuteAsync(postgres.DataSource, "UPDATE auction_journal SET hash = 'x' WHERE auction_id = @a", auction));
        await Assert.ThrowsAsync<PostgresException>(
            () => ExecuteAsync(postgres.DataSource, "DELETE FROM auction_journal WHERE auction_id = @a", auction));
        Assert.Equal(1L, await ScalarAsync(postgres.DataSource, "SELECT count(*) FROM auction_journal WHERE auction_id = @a", auction));
    }

    private static IReadOnlyList<string> ScriptNames() =>
        [.. SchemaMigrator.LoadScripts("Postgres").Select(s => s.Name)];

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, string? auctionId = null)
    {
        await using var command = dataSource.CreateCommand(sql);
        if (auctionId is not null)
        {
            command.Parameters.AddWithValue("a", auctionId);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlDataSource dataSource, string sql, string? auctionId = null)
    {
        await using var command = dataSource.CreateCommand(sql);
        if (auctionId is not null)
        {
            command.Parameters.AddWithValue("a", auctionId);
        }

        return await command.ExecuteScalarAsync();
    }
}
