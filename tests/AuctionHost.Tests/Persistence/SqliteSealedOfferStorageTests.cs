using System.Data.Common;
using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Persistence;
using CompraNet.AuctionHost.Tests.Infrastructure;

namespace CompraNet.AuctionHost.Tests.Persistence;

/// <summary>The scan on the embedded file: its rows, and the bytes of the file and its write-ahead log.</summary>
public sealed class SqliteSealedOfferStorageTests : SealedOfferStorageTests
{
    private SqliteTestDatabase? _database;

    private SqliteTestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    protected override async Task<(CompraNetOptions Options, string? PostgresConnectionString)> PrepareDatabaseAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        return (new CompraNetOptions { Storage = "sqlite", DataDirectory = _database.Directory }, null);
    }

    protected override async Task CleanUpDatabaseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override DbDataSource OpenDatabase() => new SqliteDataSource(Database.Path);

    protected override IEnumerable<byte[]> RawFiles()
    {
        foreach (var path in new[] { Database.Path, $"{Database.Path}-wal" }.Where(File.Exists))
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            file.CopyTo(copy);
            yield return copy.ToArray();
        }
    }
}
