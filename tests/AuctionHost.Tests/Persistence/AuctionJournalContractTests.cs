using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionHost.Tests.Persistence;

/// <summary>What every <see cref="IAuctionJournal"/> must do; each database runs these against itself.</summary>
public abstract class AuctionJournalContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2031, 5, 14, 15, 0, 0, TimeSpan.Zero);

    private IAuctionJournal? _journal;

    protected IAuctionJournal Journal => _journal ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => _journal = await CreateJournalAsync();

    public Task DisposeAsync() => DisposeJournalAsync();

    [Fact]
    public async Task AppendAsync_TwoBatches_ReadAsyncReturnsEveryEntryInSequenceOrder()
    {
        var auction = NewAuctionId();
        var first = Entries(auction, from: 1, count: 3);
        var second = Entries(auction, from: 4, count: 2, previous: first[^1]);

        await Journal.AppendAsync(auction, first);
        await Journal.AppendAsync(auction, second);

        Assert.Equal([.. first, .. second], await Journal.ReadAsync(auction));
    }

    [Fact]
    public async Task ReadAsync_AuctionWithoutJournal_ReturnsEmpty()
    {
        var entries = await Journal.ReadAsync(NewAuctionId());

        Assert.Empty(entries);
    }

    [Fact]
    public async Task AppendAsync_ThenAnotherJournalOnTheSameDatabase_ReadsTheEntries()
    {
        var auction = NewAuctionId();
        var entries = Entries(auction, from: 1, count: 2);

        await Journal.AppendAsync(auction, entries);
        var read = await ReadWithAnotherJournalAsync(auction);

        Assert.Equal(entries, read);
    }

    [Fact]
    public async Task AppendAsync_SequenceAlreadyTaken_ThrowsAndWritesNothing()
    {
        var auction = NewAuctionId();
        var durable = Entries(auction, from: 1, count: 2);
        await Journal.AppendAsync(auction, durable);

        var overlapping = Entries(auction, from: 2, count: 3, previous: durable[0]);
        await Assert.ThrowsAnyAsync<DbException>(() => Journal.AppendAsync(auction, overlapping));

        Assert.Equal(durable, await Journal.ReadAsync(auction));
    }

    [Fact]
    public async Task AppendAsync_FirstSequenceAfterAGap_ThrowsAndWritesNothing()
    {
        var auction = NewAuctionId();
        var durable = Entries(auction, from: 1, count: 2);
        await Journal.AppendAsync(auction, durable);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Journal.AppendAsync(auction, Entries(auction, from: 4, count: 2, previous: durable[^1])));

        Assert.Equal(durable, await Journal.ReadAsync(auction));
    }

    [Fact]
    public async Task AppendAsync_DuplicateSequenceInBatch_ThrowsAndWritesNothing()
    {
        var auction = NewAuctionId();
        var entry = Entries(auction, from: 1, count: 1)[0];

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Journal.AppendAsync(auction, [entry, entry]));

        Assert.Empty(await Journal.ReadAsync(auction));
        Assert.DoesNotContain(auction, await Journal.ListUnclosedAsync());
    }

    [Fact]
    public async Task AppendAsync_EntryOfAnotherAuction_ThrowsAndWritesNothing()
    {
        var auction = NewAuctionId();
        var foreign = Entries(NewAuctionId(), from: 1, count: 1);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Journal.AppendAsync(auction, foreign));

        Assert.Empty(await Journal.ReadAsync(auction));
    }

    [Fact]
    public async Task AppendAsync_CanceledBeforeItStarts_ThrowsAndWritesNothing()
    {
        var auction = NewAuctionId();
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Journal.AppendAsync(auction, Entries(auction, from: 1, count: 1), canceled.Token));

        Assert.Empty(await Journal.ReadAsync(auction));
    }

    [Fact]
    public async Task AppendAsync_ConflictingAppendAmongConcurrentAppends_FailsOnlyItsOwnCaller()
    {
        var victim = NewAuctionId();
        var durable = Entries(victim, from: 1, count: 2);
        await Journal.AppendAsync(victim, durable);
        var others = Enumerable.Range(0, 20).Select(_ => NewAuctionId()).ToArray();

        var before = others[..10].Select(a => Journal.AppendAsync(a, Entries(a, from: 1, count: 3))).ToList();
        var conflicting = Journal.AppendAsync(victim, Entries(victim, from: 2, count: 2, previous: durable[0]));
        var after = others[10..].Select(a => Journal.AppendAsync(a, Entries(a, from: 1, count: 3))).ToList();

        await Assert.ThrowsAnyAsync<DbException>(() => conflicting);
        await Task.WhenAll([.. before, .. after]);
        Assert.Equal(durable, await Journal.ReadAsync(victim));
        foreach (var auction in others)
        {
            Assert.Equal(Entries(auction, from: 1, count: 3), await Journal.ReadAsync(auction));
        }
    }

    [Fact]
    public async Task AppendAsync_ManyAuctionsConcurrently_EveryEntryIsDurableInOrder()
    {
        const int Batches = 8;
        const int EntriesPerBatch = 3;
        var auctions = Enumerable.Range(0, 40).Select(_ => NewAuctionId()).ToArray();

        await Task.WhenAll(auctions.Select(async auction =>
        {
            JournalEntry? previous = null;
            for (var batch = 0; batch < Batches; batch++)
            {
                var entries = Entries(auction, from: 1 + (batch * EntriesPerBatch), count: EntriesPerBatch, previous);
                await Journal.AppendAsync(auction, entries);
                previous = entries[^1];
            }
        }));

        foreach (var auction in auctions)
        {
            var read = await Journal.ReadAsync(auction);
            Assert.Equal(Enumerable.Range(1, Batches * EntriesPerBatch).Select(i => (long)i), read.Select(e => e.Sequence));
            Assert.All(read.Skip(1).Zip(read), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        }
    }

    [Fact]
    public async Task ListUnclosedAsync_AuctionsWithAndWithoutClosedEntry_ListsOnlyTheUnclosed()
    {
        var open = NewAuctionId();
        var closed = NewAuctionId();
        var closedInOneAppend = NewAuctionId();
        await Journal.AppendAsync(open, Entries(open, from: 1, count: 2));
        var bids = Entries(closed, from: 1, count: 2);
        await Journal.AppendAsync(closed, bids);
        await Journal.AppendAsync(closed, [Entry(closed, 3, "closed", bids[^1])]);
        await Journal.AppendAsync(closedInOneAppend, Entries(closedInOneAppend, from: 1, count: 2, lastType: "closed"));

        var unclosed = await Journal.ListUnclosedAsync();

        Assert.Contains(open, unclosed);
        Assert.DoesNotContain(closed, unclosed);
        Assert.DoesNotContain(closedInOneAppend, unclosed);
    }

    [Fact]
    public async Task ListUnclosedAsync_EntriesAppendedAfterTheClosedEntry_StaysClosed()
    {
        var auction = NewAuctionId();
        var closing = Entries(auction, from: 1, count: 2, lastType: "closed");
        await Journal.AppendAsync(auction, closing);

        await Journal.AppendAsync(auction, Entries(auction, from: 3, count: 1, previous: closing[^1], lastType: "note"));

        Assert.DoesNotContain(auction, await Journal.ListUnclosedAsync());
    }

    [Fact]
    public async Task AppendAsync_EmptyBatch_WritesNothing()
    {
        var auction = NewAuctionId();

        await Journal.AppendAsync(auction, []);

        Assert.Empty(await Journal.ReadAsync(auction));
        Assert.DoesNotContain(auction, await Journal.ListUnclosedAsync());
    }

    protected abstract Task<IAuctionJournal> CreateJournalAsync();

    protected abstract Task DisposeJournalAsync();

    /// <summary>Reads through a second journal instance on the same database (a restarted host).</summary>
    protected abstract Task<IReadOnlyList<JournalEntry>> ReadWithAnotherJournalAsync(string auctionId);

    protected static string NewAuctionId() => $"LPN-{Guid.NewGuid():N}";

    /// <summary>
    /// Consecutive, hash-chained entries; the last one gets <paramref name="lastType"/>. Times are whole
    /// microseconds, the precision both databases keep.
    /// </summary>
    protected static IReadOnlyList<JournalEntry> Entries(
        string auctionId, long from, int count, JournalEntry? previous = null, string lastType = "bid")
    {
        var entries = new List<JournalEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var entry = Entry(auctionId, from + i, i == count - 1 ? lastType : "bid", previous);
            entries.Add(entry);
            previous = entry;
        }

        return entries;
    }

    protected static JournalEntry Entry(string auctionId, long sequence, string type, JournalEntry? previous)
    {
        var payload = $$"""{"auctionId":"{{auctionId}}","sequence":{{sequence}},"type":"{{type}}","amount":"{{1000m - sequence}}"}""";
        var previousHash = previous?.Hash ?? new string('0', 64);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + payload)));
        var at = Start.AddTicks((sequence * TimeSpan.TicksPerSecond) + (sequence * 37 * TimeSpan.TicksPerMicrosecond));
        return new JournalEntry(auctionId, sequence, type, at, payload, previousHash, hash);
    }
}
