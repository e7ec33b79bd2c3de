using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Persistence;
using CompraNet.AuctionHost.Tests.Infrastructure;
using Orleans.Configuration;

namespace CompraNet.AuctionHost.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class NpgsqlGrainStorageTests(PostgresFixture postgres) : GrainStorageContractTests
{
    protected override Task<(CompraNetOptions Options, string? PostgresConnectionString)> PrepareDatabaseAsync() =>
        Task.FromResult<(CompraNetOptions, string?)>((new CompraNetOptions { Storage = "postgres" }, postgres.ConnectionString));

    protected override Task CleanUpDatabaseAsync() => Task.CompletedTask;

    protected override void ConfigureSameDatabase(AdoNetGrainStorageOptions storage)
    {
        storage.Invariant = StorageHostingExtensions.PostgresInvariant;
        storage.ConnectionString = postgres.ConnectionString;
    }
}
