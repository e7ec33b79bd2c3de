using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Persistence;
using CompraNet.AuctionHost.Tests.Infrastructure;
using Orleans.Configuration;

namespace CompraNet.AuctionHost.Tests.Persistence;

public sealed class SqliteGrainStorageTests : GrainStorageContractTests
{
    private SqliteTestDatabase? _database;

    protected override async Task<(CompraNetOptions Options, string? PostgresConnectionString)> PrepareDatabaseAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        return (new CompraNetOptions { Storage = "sqlite", DataDirectory = _database.Directory }, null);
    }

    protected override void ConfigureSameDatabase(AdoNetGrainStorageOptions storage)
    {
        storage.Invariant = StorageHostingExtensions.SqliteInvariant;
        storage.DataSource = new SqliteDataSource(_database!.Path); // set by PrepareDatabaseAsync, which runs first
    }

    protected override async Task CleanUpDatabaseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
