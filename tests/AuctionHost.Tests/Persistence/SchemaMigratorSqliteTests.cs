using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Persistence;
using CompraNet.AuctionHost.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CompraNet.AuctionHost.Tests.Persistence;

public sealed class SchemaMigratorSqliteTests
{
    [Fact]
    public async Task MigrateSqliteAsync_RunTwice_AppliesEveryScriptOnceAndKeepsData()
    {
        await using var database = await SqliteTestDatabase.CreateAsync(migrate: false);

        var first = await SchemaMigrator.MigrateSqliteAsync(database.DataSource);
        await ExecuteAsync(database, "INSERT INTO accounts VALUES ('ana', 'hash', 'officer', 'Ana', '2031-01-01T00:00:00.0000000Z');");
        var second = await SchemaMigrator.MigrateSqliteAsync(database.DataSource);

        Assert.Equal(ScriptNames(), first);
        Assert.Empty(second);
        Assert.Equal((long)ScriptNames().Count, await ScalarAsync(database, "SELECT count(*) FROM schema_migrations;"));
        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM accounts;"));
    }

    [Fact]
    public async Task MigrateSqliteAsync_TwoStartsAtOnce_AppliesEveryScriptOnce()
    {
        await using var database = await SqliteTestDatabase.CreateAsync(migrate: false);

        var runs = await Task.WhenAll(
            Task.Run(() => SchemaMigrator.MigrateSqliteAsync(new SqliteDataSource(database.Path))),
            Task.Run(() => SchemaMigrator.MigrateSqliteAsync(new SqliteDataSource(database.Path))));

        Assert.Equal(ScriptNames(), runs.SelectMany(applied => applied).Order(StringComparer.Ordinal));
        Assert.Equal((long)ScriptNames().Count, await ScalarAsync(database, "SELECT count(*) FROM schema_migrations;"));
    }

    [Fact]
    public async Task MigrateSqliteAsync_Always_LeavesTheFileInWalModeAndConnectionsSynchronousFull()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        var journalMode = await ScalarAsync(database, "PRAGMA journal_mode;");
        var synchronous = await ScalarAsync(database, "PRAGMA synchronous;");
        var busyTimeout = await ScalarAsync(database, "PRAGMA busy_timeout;");

        Assert.Equal("wal", journalMode);
        Assert.Equal(2L, synchronous); // FULL
        Assert.Equal((long)SqliteDataSource.BusyTimeout.TotalMilliseconds, busyTimeout);
    }

    [Fact]
    public async Task MigrateSqliteAsync_Always_StoresTheOrleansGrainStorageQueries()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        var keys = await ScalarAsync(database, "SELECT group_concat(QueryKey, ',') FROM (SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey);");

        Assert.Equal("ClearStorageKey,DeleteStorageKey,ReadFromStorageKey,WriteToStorageKey", keys);
    }

    [Fact]
    public async Task Schema_UpdateOrDeleteOfAJournalEntry_IsRefused()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await ExecuteAsync(database, "INSERT INTO auction_journal VALUES ('LPN-1', 1, 'bid', '2031-01-01T00:00:00.0000000Z', '{}', '', 'h');");

        await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(database, "UPDATE auction_journal SET hash = 'x';"));
        await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(database, "DELETE FROM auction_journal;"));
        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM auction_journal;"));
    }

    [Fact]
    public async Task MigrateAsync_EmbeddedOptionsWithMissingDataDirectory_CreatesItAndTheDatabase()
    {
        var root = Path.Combine(Path.GetTempPath(), $"compranet-test-{Guid.NewGuid():N}");
        var options = new CompraNetOptions { Storage = "sqlite", DataDirectory = Path.Combine(root, "nested", "data") };
        try
        {
            var applied = await SchemaMigrator.MigrateAsync(options, postgresConnectionString: null);

            Assert.Equal(ScriptNames(), applied);
            Assert.True(File.Exists(options.SqlitePath));
        }
        finally
        {
            new SqliteDataSource(options.SqlitePath).ClearPool();
            Directory.Delete(root, recursive: true);
        }
    }

    private static IReadOnlyList<string> ScriptNames() =>
        [.. SchemaMigrator.LoadScripts("Sqlite").Select(s => s.Name)];

    private static async Task ExecuteAsync(SqliteTestDatabase database, string sql)
    {
        await using var connection = await database.DataSource.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteTestDatabase database, string sql)
    {
        await using var connection = await database.DataSource.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
