using System.Data.Common;
using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionGrains.Tenders;

namespace CompraNet.AuctionHost.Tests.Persistence;

/// <summary>What every <see cref="ITenderJournal"/> must do; each database runs these against itself.</summary>
public abstract class TenderJournalContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2031, 5, 14, 15, 0, 0, TimeSpan.Zero);

    private ITenderJournal? _journal;

    protected ITenderJournal Journal => _journal ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => _journal = await CreateJournalAsync();

    public Task DisposeAsync() => CleanUpAsync();

    [Fact]
    public async Task AppendAsync_TwoAppends_ReadAsyncReturnsEveryEntryInOrderWithAVerifiedChain()
    {
        var tender = NewTenderId();
        var first = Entries(tender, from: 1, count: 2);
        var second = Entries(tender, from: 3, count: 2, previous: first[^1]);

        await Journal.AppendAsync(tender, first);
        await Journal.AppendAsync(tender, second);
        var read = await Journal.ReadAsync(tender);

        Assert.Equal([.. first, .. second], read);
        Assert.Equal(-1, TenderJournalCodec.FindBrokenLink(read));
        Assert.IsType<TenderOpenedForOffers>(TenderJournalCodec.Decode(read[0]));
    }

    [Fact]
    public async Task ReadAsync_TenderWithoutJournal_ReturnsEmpty()
    {
        var entries = await Journal.ReadAsync(NewTenderId());

        Assert.Empty(entries);
    }

    [Fact]
    public async Task AppendAsync_ThenAnotherJournalOnTheSameDatabase_ReadsTheSameEntries()
    {
        var tender = NewTenderId();
        var entries = Entries(tender, from: 1, count: 3);

        await Journal.AppendAsync(tender, entries);
        var read = await (await CreateJournalAsync()).ReadAsync(tender);

        Assert.Equal(entries, read);
    }

    [Fact]
    public async Task AppendAsync_SequenceAlreadyTaken_ThrowsAndWritesNothing()
    {
        var tender = NewTenderId();
        var durable = Entries(tender, from: 1, count: 2);
        await Journal.AppendAsync(tender, durable);

        var overlapping = Entries(tender, from: 2, count: 2, previous: durable[0]);
        await Assert.ThrowsAnyAsync<DbException>(() => Journal.AppendAsync(tender, overlapping));

        Assert.Equal(durable, await Journal.ReadAsync(tender));
    }

    [Fact]
    public async Task AppendAsync_FirstSequenceAfterAGap_ThrowsAndWritesNothing()
    {
        var tender = NewTenderId();
        var durable = Entries(tender, from: 1, count: 2);
        await Journal.AppendAsync(tender, durable);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Journal.AppendAsync(tender, Entries(tender, from: 4, count: 1, previous: durable[^1])));

        Assert.Equal(durable, await Journal.ReadAsync(tender));
    }

    [Fact]
    public async Task AppendAsync_FirstEntryIsNotSequenceOne_ThrowsAndWritesNothing()
    {
        var tender = NewTenderId();
        var all = Entries(tender, from: 1, count: 3);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Journal.AppendAsync(tender, all.Skip(1).ToList()));

        Assert.Empty(await Journal.ReadAsync(tender));
    }

    [Fact]
    public async Task AppendAsync_NonConsecutiveOrForeignEntries_ThrowsArgumentExceptionAndWritesNothing()
    {
        var tender = NewTenderId();
        var entries = Entries(tender, from: 1, count: 3);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Journal.AppendAsync(tender, [entries[0], entries[2]]));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Journal.AppendAsync(NewTenderId(), entries));

        Assert.Empty(await Journal.ReadAsync(tender));
    }

    [Fact]
    public async Task AppendAsync_ConcurrentAppendsOfTheSameSequence_OnlyOneIsDurable()
    {
        var tender = NewTenderId();
        var opened = Entries(tender, from: 1, count: 1);
        await Journal.AppendAsync(tender, opened);
        var rivals = Enumerable.Range(0, 8).Select(_ => Entries(tender, from: 2, count: 1, previous: opened[0])).ToList();

        var outcomes = await Task.WhenAll(rivals.Select(async entries =>
        {
            try
            {
                await Journal.AppendAsync(tender, entries);
                return true;
            }
            catch (DbException)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(succeeded => succeeded));
        var read = await Journal.ReadAsync(tender);
        Assert.Equal(2, read.Count);
        Assert.Equal(-1, TenderJournalCodec.FindBrokenLink(read));
    }

    [Fact]
    public async Task UpdateOrDelete_StoredEntries_RefusedByTheDatabase()
    {
        var tender = NewTenderId();
        var entries = Entries(tender, from: 1, count: 2);
        await Journal.AppendAsync(tender, entries);

        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync("UPDATE tender_journal SET payload = '{}' WHERE tender_id = {tender}", tender));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync("DELETE FROM tender_journal WHERE tender_id = {tender}", tender));

        Assert.Equal(entries, await Journal.ReadAsync(tender));
    }

    [Fact]
    public async Task AppendAsync_EmptyBatch_WritesNothing()
    {
        var tender = NewTenderId();

        await Journal.AppendAsync(tender, []);

        Assert.Empty(await Journal.ReadAsync(tender));
    }

    protected abstract Task<ITenderJournal> CreateJournalAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    /// <summary>Runs raw SQL as a database administrator would; <c>{tender}</c> stands for the tender id parameter.</summary>
    protected abstract Task ExecuteAsync(string sql, string tenderId);

    protected static string NewTenderId() => $"LP-{Guid.NewGuid():N}";

    /// <summary>
    /// Consecutive, hash-chained entries as the grain writes them: sequence 1 is the call for offers, the others
    /// sealed offers. Times carry whole microseconds, the precision both databases keep.
    /// </summary>
    protected static IReadOnlyList<TenderJournalEntry> Entries(string tenderId, long from, int count, TenderJournalEntry? previous = null)
    {
        var entries = new List<TenderJournalEntry>(count);
        var head = previous?.Hash ?? JournalCodec.GenesisHash;
        for (var sequence = from; sequence < from + count; sequence++)
        {
            var at = Start.AddTicks((sequence * TimeSpan.TicksPerSecond) + (sequence * 37 * TimeSpan.TicksPerMicrosecond));
            TenderEvent e = sequence == 1
                ? new TenderOpenedForOffers(1, at, new TenderTerms(tenderId, null, "Medicamentos", "MXN", Start.AddDays(10), []), "officer1")
                : new OfferSubmitted(sequence, at, Guid.NewGuid(), new string('b', 64), Convert.ToBase64String(Guid.NewGuid().ToByteArray()), new string('c', 64), null);
            var entry = TenderJournalCodec.Encode(tenderId, e, head);
            entries.Add(entry);
            head = entry.Hash;
        }

        return entries;
    }
}
