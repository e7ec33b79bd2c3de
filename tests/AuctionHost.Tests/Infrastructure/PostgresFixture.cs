using CompraNet.AuctionHost.Persistence;
using Npgsql;

namespace CompraNet.AuctionHost.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated PostgreSQL database for the "postgres" test collection, on the server named by
/// <c>COMPRANET_TEST_POSTGRES</c>; dropped at the end, with every extra database made through
/// <see cref="CreateDatabaseAsync"/>. Without the variable the tests fail: they are never skipped.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string ServerVariable = "COMPRANET_TEST_POSTGRES";

    private readonly List<string> _databases = [];
    private NpgsqlDataSource? _dataSource;
    private string? _connectionString;

    /// <summary>Connection string of the fixture's own migrated database.</summary>
    public string ConnectionString => _connectionString ?? throw NotInitialized();

    /// <summary>Data source of the fixture's own migrated database.</summary>
    public NpgsqlDataSource DataSource => _dataSource ?? throw NotInitialized();

    public async Task InitializeAsync()
    {
        _connectionString = await CreateDatabaseAsync();
        _dataSource = NpgsqlDataSource.Create(_connectionString);
    }

    /// <summary>Creates another empty database with a unique name, migrated unless asked otherwise.</summary>
    /// <returns>Its connection string.</returns>
    public async Task<string> CreateDatabaseAsync(bool migrate = true)
    {
        var name = $"compranet_test_{Guid.NewGuid():N}";
        await using (var server = NpgsqlDataSource.Create(ServerConnectionString()))
        await using (var create = server.CreateCommand($"CREATE DATABASE \"{name}\"")) // generated name: no user input
        {
            await create.ExecuteNonQueryAsync();
        }

        lock (_databases)
        {
            _databases.Add(name);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = name }.ToString();
        if (migrate)
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await SchemaMigrator.MigratePostgresAsync(dataSource);
        }

        return connectionString;
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var server = NpgsqlDataSource.Create(ServerConnectionString());
        foreach (var name in _databases)
        {
            await using var drop = server.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static string ServerConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{ServerVariable} is not set: start PostgreSQL or run bash .ci/run " +
                $"(e.g. {ServerVariable}=\"Host=127.0.0.1;Port=55439;Username=postgres\").");
        }

        return value;
    }

    private static InvalidOperationException NotInitialized() =>
        new("PostgresFixture is used before InitializeAsync.");
}
