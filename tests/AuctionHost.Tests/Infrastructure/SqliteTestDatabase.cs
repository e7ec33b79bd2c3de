using CompraNet.AuctionHost.Persistence;

namespace CompraNet.AuctionHost.Tests.Infrastructure;

/// <summary>An embedded database file in its own temporary folder, deleted on dispose.</summary>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    private SqliteTestDatabase(string directory)
    {
        Directory = directory;
        DataSource = new SqliteDataSource(System.IO.Path.Combine(directory, "compranet.db"));
    }

    /// <summary>The folder holding the file; use it as <c>CompraNetOptions.DataDirectory</c>.</summary>
    public string Directory { get; }

    public SqliteDataSource DataSource { get; }

    public string Path => DataSource.DatabasePath;

    /// <summary>A new folder with a database file, migrated unless asked otherwise.</summary>
    public static async Task<SqliteTestDatabase> CreateAsync(bool migrate = true)
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"compranet-test-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var database = new SqliteTestDatabase(directory);
        if (migrate)
        {
            await SchemaMigrator.MigrateSqliteAsync(database.DataSource);
        }

        return database;
    }

    public ValueTask DisposeAsync()
    {
        DataSource.ClearPool();
        System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
