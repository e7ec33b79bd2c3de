using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Persistence;
using CompraNet.AuctionHost.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CompraNet.AuctionHost.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class StorageHostingExtensionsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task AddCompraNetStorage_Embedded_ResolvesASqliteJournalOnTheDataDirectory()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var options = new CompraNetOptions { Storage = "sqlite", DataDirectory = database.Directory };
        await using var services = new ServiceCollection().AddLogging().AddCompraNetStorage(options, null).BuildServiceProvider();

        var journal = services.GetRequiredService<IAuctionJournal>();
        var entry = new JournalEntry("LPN-1", 1, "opened", DateTimeOffset.UnixEpoch, "{}", "", "h");
        await journal.AppendAsync("LPN-1", [entry]);

        Assert.IsType<SqliteAuctionJournal>(journal);
        Assert.Equal(database.Path, services.GetRequiredService<SqliteDataSource>().DatabasePath);
        Assert.Equal([entry], await journal.ReadAsync("LPN-1"));
    }

    [Fact]
    public async Task AddCompraNetStorage_Postgres_ResolvesANpgsqlJournalOnTheConnectionString()
    {
        var options = new CompraNetOptions { Storage = "postgres" };
        await using var services = new ServiceCollection().AddCompraNetStorage(options, postgres.ConnectionString).BuildServiceProvider();

        var journal = services.GetRequiredService<IAuctionJournal>();
        var unclosed = await journal.ListUnclosedAsync();

        Assert.IsType<NpgsqlAuctionJournal>(journal);
        Assert.Equal(
            new NpgsqlConnectionStringBuilder(postgres.ConnectionString).Database,
            new NpgsqlConnectionStringBuilder(services.GetRequiredService<NpgsqlDataSource>().ConnectionString).Database);
        Assert.NotNull(unclosed);
    }

    [Fact]
    public void AddCompraNetStorage_PostgresWithoutConnectionString_Throws()
    {
        var options = new CompraNetOptions { Storage = "postgres" };

        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddCompraNetStorage(options, " "));
    }
}
