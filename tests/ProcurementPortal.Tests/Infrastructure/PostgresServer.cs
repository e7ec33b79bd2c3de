using CompraNet.AuctionHost.Persistence;
using CompraNet.ProcurementPortal.Hosting;
using Npgsql;

namespace CompraNet.ProcurementPortal.Tests.Infrastructure;

/// <summary>
/// Fresh databases, migrated with the engine's and the portal's scripts, on the server named by
/// <c>COMPRANET_TEST_POSTGRES</c> (bash .ci/run starts one). Without the variable the tests fail: never skipped.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "COMPRANET_TEST_POSTGRES";

    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: these tests need a PostgreSQL server (bash .ci/run starts one), e.g. {Variable}=\"Host=127.0.0.1;Port=5432;Username=postgres\".");

    /// <summary>Creates and migrates a database with a unique name; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"compranet_portal_{Guid.NewGuid():N}";
        await using (var server = NpgsqlDataSource.Create(ServerConnectionString()))
        await using (var create = server.CreateCommand($"CREATE DATABASE \"{name}\"")) // generated name: no user input
        {
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = name }.ToString();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await SchemaMigrator.MigratePostgresAsync(dataSource, modules: [typeof(PortalHost).Assembly]);
        return connectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var server = NpgsqlDataSource.Create(ServerConnectionString());
        await using var drop = server.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }
}
