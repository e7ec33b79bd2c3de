using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionHost.Persistence;
using CompraNet.AuctionHost.Tests.Infrastructure;
using Npgsql;

namespace CompraNet.AuctionHost.Tests.Persistence;

/// <summary>The journal contract on the shared test database; every test uses its own auction ids.</summary>
[Collection(PostgresCollection.Name)]
public sealed class NpgsqlAuctionJournalTests(PostgresFixture postgres) : AuctionJournalContractTests
{
    [Fact]
    public async Task AppendAsync_SequenceAlreadyTaken_ThrowsUniqueViolation()
    {
        var auction = NewAuctionId();
        var durable = Entries(auction, from: 1, count: 1);
        await Journal.AppendAsync(auction, durable);

        var exception = await Assert.ThrowsAsync<PostgresException>(
            () => Journal.AppendAsync(auction, Entries(auction, from: 1, count: 2)));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, exception.SqlState);
    }

    [Fact]
    public async Task AppendAsync_TimeWithAnOffset_ReadsBackTheSameInstantInUtc()
    {
        var auction = NewAuctionId();
        var entry = Entries(auction, from: 1, count: 1)[0] with
        {
            At = new DateTimeOffset(2031, 5, 14, 12, 0, 0, TimeSpan.FromHours(-6)).AddTicks(1234560),
        };

        await Journal.AppendAsync(auction, [entry]);

        var read = Assert.Single(await Journal.ReadAsync(auction));
        Assert.Equal(entry.At, read.At);
        Assert.Equal(TimeSpan.Zero, read.At.Offset);
    }

    protected override Task<IAuctionJournal> CreateJournalAsync() =>
        Task.FromResult<IAuctionJournal>(new NpgsqlAuctionJournal(postgres.DataSource, TimeProvider.System));

    protected override Task DisposeJournalAsync() => Task.CompletedTask;

    protected override async Task<IReadOnlyList<JournalEntry>> ReadWithAnotherJournalAsync(string auctionId)
    {
        await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
        return await new NpgsqlAuctionJournal(dataSource, TimeProvider.System).ReadAsync(auctionId);
    }
}
