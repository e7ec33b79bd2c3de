using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionHost.Persistence;
using CompraNet.AuctionHost.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CompraNet.AuctionHost.Tests.Persistence;

public sealed class SqliteAuctionJournalTests : AuctionJournalContractTests
{
    private SqliteTestDatabase? _database;
    private SqliteAuctionJournal? _journal;

    private SqliteTestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    private SqliteAuctionJournal SqliteJournal => _journal ?? throw new InvalidOperationException("Not initialised.");

    [Fact]
    public async Task AppendAsync_ConflictInsideAGroupCommit_RetriesAloneAndFailsOnlyItsOwnCaller()
    {
        var victim = NewAuctionId();
        var durable = Entries(victim, from: 1, count: 2);
        await Journal.AppendAsync(victim, durable);
        var others = Enumerable.Range(0, 10).Select(_ => NewAuctionId()).ToArray();

        Task conflicting;
        List<Task> appends;
        await using (var blocker = await Database.DataSource.OpenAsync())
        {
            // Holding the write lock parks the writer, so everything below queues into one group.
            using var writeLock = blocker.BeginTransaction(deferred: false);
            appends = [.. others[..5].Select(a => Journal.AppendAsync(a, Entries(a, from: 1, count: 2)))];
            conflicting = Journal.AppendAsync(victim, Entries(victim, from: 2, count: 2, previous: durable[0]));
            appends.AddRange(others[5..].Select(a => Journal.AppendAsync(a, Entries(a, from: 1, count: 2))));
            writeLock.Rollback();
        }

        var exception = await Assert.ThrowsAsync<SqliteException>(() => conflicting);
        await Task.WhenAll(appends);
        Assert.Equal(19, exception.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.True(SqliteJournal.GroupsRetriedAlone >= 1);
        Assert.Equal(durable, await Journal.ReadAsync(victim));
        foreach (var auction in others)
        {
            Assert.Equal(Entries(auction, from: 1, count: 2), await Journal.ReadAsync(auction));
        }
    }

    [Fact]
    public async Task AppendAsync_LaterAppendOfAnAuctionWhoseAppendFailedInTheSameGroup_FailsToo()
    {
        var victim = NewAuctionId();
        var durable = Entries(victim, from: 1, count: 2);
        await Journal.AppendAsync(victim, durable);
        var bystander = NewAuctionId();

        Task conflicting;
        Task following;
        Task unrelated;
        await using (var blocker = await Database.DataSource.OpenAsync())
        {
            using var writeLock = blocker.BeginTransaction(deferred: false);
            unrelated = Journal.AppendAsync(bystander, Entries(bystander, from: 1, count: 1));
            var overlapping = Entries(victim, from: 2, count: 2, previous: durable[0]);
            conflicting = Journal.AppendAsync(victim, overlapping);
            following = Journal.AppendAsync(victim, Entries(victim, from: 4, count: 1, previous: overlapping[^1]));
            writeLock.Rollback();
        }

        await Assert.ThrowsAsync<SqliteException>(() => conflicting);
        await Assert.ThrowsAsync<InvalidOperationException>(() => following);
        await unrelated;
        Assert.Equal(durable, await Journal.ReadAsync(victim));
    }

    [Fact]
    public async Task DisposeAsync_WithAppendsQueued_WritesThemBeforeStopping()
    {
        var auction = NewAuctionId();
        var entries = Entries(auction, from: 1, count: 3);
        var journal = new SqliteAuctionJournal(Database.DataSource, TimeProvider.System);

        var append = journal.AppendAsync(auction, entries);
        await journal.DisposeAsync();

        await append;
        Assert.Equal(entries, await Journal.ReadAsync(auction));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => journal.AppendAsync(auction, Entries(auction, from: 4, count: 1)));
    }

    [Fact]
    public async Task AppendAsync_TimeWithSubMicrosecondTicks_RoundTripsExactly()
    {
        var auction = NewAuctionId();
        var entry = Entries(auction, from: 1, count: 1)[0] with
        {
            At = new DateTimeOffset(2031, 5, 14, 12, 0, 0, TimeSpan.FromHours(-6)).AddTicks(1234567),
        };

        await Journal.AppendAsync(auction, [entry]);

        var read = Assert.Single(await Journal.ReadAsync(auction));
        Assert.Equal(entry.At, read.At);
        Assert.Equal(TimeSpan.Zero, read.At.Offset);
    }

    protected override async Task<IAuctionJournal> CreateJournalAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _journal = new SqliteAuctionJournal(_database.DataSource, TimeProvider.System);
        return _journal;
    }

    protected override async Task DisposeJournalAsync()
    {
        if (_journal is not null)
        {
            await _journal.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override async Task<IReadOnlyList<JournalEntry>> ReadWithAnotherJournalAsync(string auctionId)
    {
        await using var another = new SqliteAuctionJournal(new SqliteDataSource(Database.Path), TimeProvider.System);
        return await another.ReadAsync(auctionId);
    }
}
