using System.Data.Common;
using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Tests.Infrastructure;
using Npgsql;

namespace CompraNet.AuctionHost.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class NpgsqlSealedOfferStorageTests(PostgresFixture postgres) : SealedOfferStorageTests
{
    protected override Task<(CompraNetOptions Options, string? PostgresConnectionString)> PrepareDatabaseAsync() =>
        Task.FromResult<(CompraNetOptions, string?)>((new CompraNetOptions { Storage = "postgres" }, postgres.ConnectionString));

    protected override Task CleanUpDatabaseAsync() => Task.CompletedTask;

    protected override DbDataSource OpenDatabase() => NpgsqlDataSource.Create(postgres.ConnectionString);
}
