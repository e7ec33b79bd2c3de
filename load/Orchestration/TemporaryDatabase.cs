using Npgsql;

namespace CompraNet.AuctionLoad.Orchestration;

/// <summary>A fresh PostgreSQL database for one compare run, dropped (with its connections) at the end.</summary>
public sealed class TemporaryDatabase : IAsyncDisposable
{
    private readonly string _server;

    private TemporaryDatabase(string server, string name, string connectionString)
    {
        _server = server;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TemporaryDatabase> CreateAsync(string serverConnectionString, string name, CancellationToken cancellationToken)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(cancellationToken);
            // A database name cannot be a parameter; it is ours, made of [a-z0-9_] only.
            await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var database = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
        Console.WriteLine($"[compare] created database {name}");
        return new TemporaryDatabase(server, name, database);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists \"{Name}\" with (force)", connection);
            await drop.ExecuteNonQueryAsync();
            Console.WriteLine($"[compare] dropped database {Name}");
        }
        catch (NpgsqlException ex)
        {
            Console.Error.WriteLine($"[compare] could not drop database {Name}: {ex.Message}");
        }
    }
}
