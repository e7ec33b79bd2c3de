using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tests.Auctions;

/// <summary>
/// The grain in a live in-process cluster. The fake clock is shared and only moves forward: each test builds its
/// auction around <see cref="ClusterFixture.Now"/>, so auctions of earlier tests closing meanwhile change nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AuctionGrainTests(ClusterFixture fixture)
{
    private InMemoryAuctionJournal Journal => fixture.Journal;

    private RecordingUpdateSink Updates => fixture.Updates;

    [Fact]
    public async Task CreateAsync_ValidTerms_JournalsInitialOffersAndOpening()
    {
        var (_, terms) = await CreateAsync("create");

        var entries = Journal.EntriesOf(terms.AuctionId);

        Assert.Equal(
            [InitialOfferRecorded.TypeName, InitialOfferRecorded.TypeName, AuctionOpened.TypeName],
            entries.Select(e => e.Type));
        Assert.Equal(-1, JournalCodec.FindBrokenLink(entries));
    }

    [Fact]
    public async Task CreateAsync_SameIdTwice_AlreadyExists()
    {
        var (grain, terms) = await CreateAsync("create-twice");

        var second = await grain.CreateAsync(terms, "officer2");

        Assert.Equal(CreateAuctionOutcome.AlreadyExists, second.Outcome);
    }

    [Fact]
    public async Task CreateAsync_InvalidTerms_ReturnsFieldErrorsAndCreatesNothing()
    {
        var now = fixture.Now;
        var terms = new AuctionTermsBuilder()
            .ForProcedure(fixture.NewProcedureId("create-invalid"))
            .Running(now.AddMinutes(-1), now.AddMinutes(30))
            .WithBidder("acme", 990_000m)
            .Build();
        var grain = fixture.Auction(terms.AuctionId);

        var result = await grain.CreateAsync(terms, "officer1");

        Assert.Equal(CreateAuctionOutcome.Invalid, result.Outcome);
        Assert.Contains("bidders", result.Errors.Keys);
        Assert.Null(await grain.GetViewAsync(Viewer.Public));
        Assert.Empty(Journal.EntriesOf(terms.AuctionId));
    }

    [Fact]
    public async Task CreateAsync_TermsOfAnotherAuction_ReportsAuctionId()
    {
        var terms = Terms("create-other");
        var grain = fixture.Auction(fixture.NewProcedureId("create-elsewhere"));

        var result = await grain.CreateAsync(terms, "officer1");

        Assert.Equal(CreateAuctionOutcome.Invalid, result.Outcome);
        Assert.Contains("auctionId", result.Errors.Keys);
    }

    [Fact]
    public async Task PlaceBidAsync_NoSuchAuction_RefusedUnknownAuction()
    {
        var grain = fixture.Auction(fixture.NewProcedureId("missing"));

        var result = await grain.PlaceBidAsync(Bid("acme", 980_000m));

        Assert.Equal(RefusalCodes.UnknownAuction, result.Code);
        Assert.Null(await grain.GetViewAsync(Viewer.Officer));
    }

    [Fact]
    public async Task PlaceBidAsync_ValidBid_AcceptedWithSequenceRankAndOwnView()
    {
        var (grain, terms) = await CreateAsync("accept");
        var bid = Bid("bravo", 980_000m);

        var result = await grain.PlaceBidAsync(bid);

        Assert.True(result.IsAccepted, result.Message);
        Assert.Equal((bid.BidId, 980_000m, 4L, 1), (result.BidId, result.Amount, result.Sequence!.Value, result.Rank!.Value));
        Assert.Equal(Audience.Supplier, result.View!.Audience);
        Assert.Equal(980_000m, result.View.MyBest);
        var entry = Assert.Single(Journal.EntriesOf(terms.AuctionId), e => e.Type == BidAccepted.TypeName);
        Assert.Equal(new BidAccepted(4, fixture.Now, "bravo", 980_000m, bid.BidId, false), JournalCodec.Decode(entry));
    }

    [Fact]
    public async Task PlaceBidAsync_RefusedBid_ReturnsCodeAndJournalsNothing()
    {
        var (grain, terms) = await CreateAsync("refuse");
        var journaled = Journal.EntriesOf(terms.AuctionId).Count;

        var result = await grain.PlaceBidAsync(Bid("acme", 989_500m));

        Assert.Equal(BidResult.RefusedStatus, result.Status);
        Assert.Equal(RefusalCodes.StepTooSmall, result.Code);
        Assert.Null(result.Sequence);
        Assert.Equal(journaled, Journal.EntriesOf(terms.AuctionId).Count);
    }

    [Fact]
    public async Task PlaceBidAsync_SanctionedAtTheMomentOfTheBid_RefusedSanctionedUntilLifted()
    {
        var (grain, _) = await CreateAsync("sanctioned", b => b.WithBidder("debarred-co", 999_000m));
        fixture.Sanctions.Sanction("debarred-co");

        var refused = await grain.PlaceBidAsync(Bid("debarred-co", 980_000m));
        fixture.Sanctions.Lift("debarred-co");
        var accepted = await grain.PlaceBidAsync(Bid("debarred-co", 980_000m));

        Assert.Equal(RefusalCodes.Sanctioned, refused.Code);
        Assert.True(accepted.IsAccepted, accepted.Message);
    }

    [Fact]
    public async Task PlaceBidAsync_TwoHundredConcurrentBidsDuringAWrite_AreSequencedUniquelyJournaledOnceInOrderAndShareOneWrite()
    {
        var suppliers = Enumerable.Range(1, 10).Select(i => $"sup{i:00}").ToArray();
        var (grain, terms) = await CreateAsync("group-commit", bidders: [.. suppliers.Select(s => new InvitedBidder(s, null, 1m))]);
        var genesis = Journal.EntriesOf(terms.AuctionId).Count;
        var held = Journal.HoldNextAppend(terms.AuctionId);
        var first = Bid("sup01", 950_000m);
        var firstTask = grain.PlaceBidAsync(first);
        await held.Arrived;
        var bids = ConcurrentBids(suppliers);

        var tasks = bids.Select(grain.PlaceBidAsync).ToList();
        await Eventually.Until(
            async () => (await grain.GetEngineStatusAsync()).SequencedThrough - genesis - 1 + tasks.Count(t => t.IsCompleted),
            handled => handled == bids.Count,
            "every bid is refused or sequenced");
        held.Release();
        var results = await Task.WhenAll([firstTask, .. tasks]);

        var accepted = AssertSequencedAndJournaled(terms.AuctionId, genesis, results, [first, .. bids]);
        var bidWrites = Journal.AppendsOf(terms.AuctionId).Count(a => a.Succeeded && a.Entries.Any(e => e.Type == BidAccepted.TypeName));
        Assert.True(accepted.Count > 2, $"only {accepted.Count} bids were accepted");
        Assert.Equal(2, bidWrites);
        Assert.Equal(Journal.AppendsOf(terms.AuctionId).Count(a => a.Succeeded), Updates.For(terms.AuctionId).Count);
    }

    [Fact]
    public async Task PlaceBidAsync_TwoHundredConcurrentBids_AreSequencedUniquelyAndJournaledOnceInOrder()
    {
        var suppliers = Enumerable.Range(1, 10).Select(i => $"sup{i:00}").ToArray();
        var (grain, terms) = await CreateAsync("concurrent", bidders: [.. suppliers.Select(s => new InvitedBidder(s, null, 1m))]);
        var genesis = Journal.EntriesOf(terms.AuctionId).Count;
        var bids = ConcurrentBids(suppliers);

        var results = await Task.WhenAll(bids.Select(grain.PlaceBidAsync));

        var accepted = AssertSequencedAndJournaled(terms.AuctionId, genesis, results, bids);
        var bidWrites = Journal.AppendsOf(terms.AuctionId).Count(a => a.Succeeded && a.Entries.Any(e => e.Type == BidAccepted.TypeName));
        Assert.True(bidWrites <= accepted.Count);
        Assert.Equal(Journal.AppendsOf(terms.AuctionId).Count(a => a.Succeeded), Updates.For(terms.AuctionId).Count);
    }

    [Fact]
    public async Task TickAsync_ClockPassesEndsAt_ClosesByTimerAndRefusesLaterBids()
    {
        var (grain, terms) = await CreateAsync("close-on-time");

        fixture.Clock.Advance(terms.EndsAt - fixture.Now);
        var closed = await Updates.WaitForAsync(terms.AuctionId, s => s.Closed);
        var late = await grain.PlaceBidAsync(Bid("acme", 900_000m));

        Assert.Equal(terms.EndsAt, closed.EndsAt);
        Assert.Equal(RefusalCodes.Closed, late.Code);
        var last = Journal.EntriesOf(terms.AuctionId)[^1];
        Assert.Equal((AuctionClosed.TypeName, terms.EndsAt), (last.Type, last.At));
        var view = await grain.GetViewAsync(Viewer.Public);
        Assert.Equal(["acme", "bravo"], view!.Ranking!.Select(r => r.SupplierId));
    }

    [Fact]
    public async Task TickAsync_ScheduledAuction_OpensByTimerAtItsStart()
    {
        var now = fixture.Now;
        var (grain, terms) = await CreateAsync("open-on-time", b => b.Running(now.AddMinutes(5), now.AddMinutes(35)));
        var early = await grain.PlaceBidAsync(Bid("acme", 980_000m));

        fixture.Clock.Advance(terms.StartsAt - fixture.Now);
        var opened = await Updates.WaitForAsync(terms.AuctionId, s => s.Opened);
        var onTime = await grain.PlaceBidAsync(Bid("acme", 980_000m));

        Assert.Equal(RefusalCodes.NotOpen, early.Code);
        Assert.Equal(AuctionStatus.Open, opened.StatusAt(terms.StartsAt));
        Assert.True(onTime.IsAccepted, onTime.Message);
        Assert.Contains(Journal.EntriesOf(terms.AuctionId), e => e.Type == AuctionOpened.TypeName && e.At == terms.StartsAt);
    }

    [Fact]
    public async Task PlaceBidAsync_LeaderBidInSoftCloseWindow_MovesTheCloseAndTheTimerFollows()
    {
        var (grain, terms) = await CreateAsync("extend", b => b.WithSoftClose(windowSeconds: 120, extendSeconds: 300, maxExtensions: 5));
        fixture.Clock.Advance(terms.EndsAt.AddSeconds(-60) - fixture.Now);
        var bidAt = fixture.Now;

        var leaderBid = await grain.PlaceBidAsync(Bid("acme", 970_000m));
        fixture.Clock.Advance(TimeSpan.FromSeconds(299));
        var stillOpen = await grain.PlaceBidAsync(Bid("bravo", 975_000m));
        var closedBeforeNewEnd = Updates.For(terms.AuctionId).Any(s => s.Closed);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var closed = await Updates.WaitForAsync(terms.AuctionId, s => s.Closed);

        Assert.True(leaderBid.IsAccepted, leaderBid.Message);
        Assert.Equal(bidAt.AddSeconds(300), leaderBid.View!.EndsAt);
        Assert.True(stillOpen.IsAccepted, stillOpen.Message);
        Assert.False(closedBeforeNewEnd);
        Assert.Equal((bidAt.AddSeconds(300), 1), (closed.EndsAt, closed.Extensions));
        var entries = Journal.EntriesOf(terms.AuctionId);
        Assert.Single(entries, e => e.Type == AuctionExtended.TypeName);
        Assert.Equal((AuctionClosed.TypeName, bidAt.AddSeconds(300)), (entries[^1].Type, entries[^1].At));
    }

    [Fact]
    public async Task TickAsync_BidsAndTicksRacingAtTheClose_JournalExactlyOneClose()
    {
        var (grain, terms) = await CreateAsync("close-race");

        fixture.Clock.Advance(terms.EndsAt - fixture.Now);
        var bids = Enumerable.Range(0, 5).Select(i => grain.PlaceBidAsync(Bid(i % 2 == 0 ? "acme" : "bravo", 900_000m - i))).ToList();
        await Task.WhenAll(grain.TickAsync(), grain.TickAsync(), grain.TickAsync());
        var results = await Task.WhenAll(bids);
        await Updates.WaitForAsync(terms.AuctionId, s => s.Closed);

        Assert.All(results, r => Assert.Equal(RefusalCodes.Closed, r.Code));
        var entries = Journal.EntriesOf(terms.AuctionId);
        Assert.Single(entries, e => e.Type == AuctionClosed.TypeName);
        Assert.Equal(AuctionClosed.TypeName, entries[^1].Type);
        Assert.Equal(-1, JournalCodec.FindBrokenLink(entries));
    }

    [Fact]
    public async Task TickAsync_CloseWriteFailsOnce_ClosesLaterWithoutAnyBid()
    {
        var (grain, terms) = await CreateAsync("close-write-fails");
        var closeWrite = Journal.HoldNextAppend(terms.AuctionId);

        fixture.Clock.Advance(terms.EndsAt - fixture.Now);
        var batch = await closeWrite.Arrived;
        closeWrite.Fail();
        var closed = await AdvanceUntilClosedAsync(grain, terms.AuctionId, TimeSpan.FromMinutes(5));

        Assert.Equal(AuctionClosed.TypeName, Assert.Single(batch).Type);
        Assert.True(closed, "No closed snapshot within 5 minutes after the failed close write: the auction never closed by itself.");
        Assert.Equal(AuctionClosed.TypeName, Journal.EntriesOf(terms.AuctionId)[^1].Type);
    }

    [Fact]
    public async Task OnActivateAsync_AfterDeactivation_RebuildsStandingsAndSequenceFromTheJournal()
    {
        var (grain, terms) = await CreateAsync("restart");
        var first = Bid("acme", 980_000m);
        await grain.PlaceBidAsync(first);
        await grain.PlaceBidAsync(Bid("bravo", 970_000m));
        await grain.PlaceBidAsync(Bid("acme", 960_000m));
        var before = (await grain.GetSnapshotAsync())!;
        var reads = Journal.ReadsOf(terms.AuctionId);

        await fixture.Cluster.DeactivateAsync(grain);
        var after = (await grain.GetSnapshotAsync())!;
        var repeated = await grain.PlaceBidAsync(first);
        var next = await grain.PlaceBidAsync(Bid("bravo", 950_000m));

        Assert.Equal(reads + 1, Journal.ReadsOf(terms.AuctionId));
        Assert.Equal(Standings(before), Standings(after));
        Assert.Equal((before.Sequence, before.BidCount, before.EndsAt, before.Opened), (after.Sequence, after.BidCount, after.EndsAt, after.Opened));
        Assert.Equal(before.Labels.OrderBy(p => p.Key), after.Labels.OrderBy(p => p.Key));
        Assert.True(repeated.IsAccepted, repeated.Message);
        Assert.Equal(4L, repeated.Sequence);
        Assert.Equal(before.Sequence + 1, next.Sequence);
        Assert.Equal(-1, JournalCodec.FindBrokenLink(Journal.EntriesOf(terms.AuctionId)));
    }

    [Fact]
    public async Task OnActivateAsync_AfterDeactivationDuringExtension_ClosesAtTheExtendedTime()
    {
        var (grain, terms) = await CreateAsync("restart-extended", b => b.WithSoftClose(windowSeconds: 120, extendSeconds: 300, maxExtensions: 5));
        fixture.Clock.Advance(terms.EndsAt.AddSeconds(-60) - fixture.Now);
        var extendedTo = fixture.Now.AddSeconds(300);
        await grain.PlaceBidAsync(Bid("acme", 970_000m));

        await fixture.Cluster.DeactivateAsync(grain);
        var reloaded = (await grain.GetSnapshotAsync())!;
        fixture.Clock.Advance(extendedTo - fixture.Now);
        var closed = await Updates.WaitForAsync(terms.AuctionId, s => s.Closed);

        Assert.Equal((extendedTo, 1), (reloaded.EndsAt, reloaded.Extensions));
        Assert.Equal(extendedTo, closed.EndsAt);
        Assert.Equal(extendedTo, Journal.EntriesOf(terms.AuctionId)[^1].At);
    }

    [Fact]
    public async Task PlaceBidAsync_SameBidIdTwice_ReturnsTheOriginalAndJournalsOnce()
    {
        var (grain, terms) = await CreateAsync("idempotent");
        var bid = Bid("acme", 980_000m);

        var first = await grain.PlaceBidAsync(bid);
        var again = await grain.PlaceBidAsync(bid with { Amount = 970_000m });

        Assert.True(again.IsAccepted, again.Message);
        Assert.Equal((first.Sequence, first.Amount, first.BidId), (again.Sequence, again.Amount, again.BidId));
        Assert.Single(BidsOf(terms.AuctionId), b => b.BidId == bid.BidId);
        Assert.Equal(980_000m, (await grain.GetSnapshotAsync())!.Ranked.Single(s => s.SupplierId == "acme").Amount);
    }

    [Fact]
    public async Task PlaceBidAsync_SameBidIdTwiceConcurrently_ReturnsOneSequenceAndJournalsOnce()
    {
        var (grain, terms) = await CreateAsync("idempotent-concurrent");
        var bid = Bid("acme", 980_000m);

        var results = await Task.WhenAll(grain.PlaceBidAsync(bid), grain.PlaceBidAsync(bid));

        Assert.All(results, r => Assert.True(r.IsAccepted, r.Message));
        Assert.Equal(results[0].Sequence, results[1].Sequence);
        Assert.Single(BidsOf(terms.AuctionId), b => b.BidId == bid.BidId);
    }

    [Fact]
    public async Task PlaceBidAsync_BidIdUsedByAnotherSupplier_RefusedInvalid()
    {
        var (grain, terms) = await CreateAsync("bidid-stolen");
        var bid = Bid("acme", 980_000m);
        await grain.PlaceBidAsync(bid);

        var stolen = await grain.PlaceBidAsync(bid with { SupplierId = "bravo", Amount = 970_000m });

        Assert.Equal(RefusalCodes.Invalid, stolen.Code);
        Assert.Single(BidsOf(terms.AuctionId));
        Assert.Equal("acme", (await grain.GetSnapshotAsync())!.Ranked[0].SupplierId);
    }

    [Fact]
    public async Task PlaceBidAsync_JournalWriteFails_RefusesTheBatchAndEveryBidQueuedBehindIt()
    {
        var (grain, terms) = await CreateAsync("journal-fails", b => b.WithBidder("charlie", 999_000m));
        var held = Journal.HoldNextAppend(terms.AuctionId);
        var published = Updates.For(terms.AuctionId).Count;
        var first = Bid("acme", 980_000m);
        var queued = new[] { Bid("bravo", 970_000m), Bid("charlie", 960_000m) };

        var firstTask = grain.PlaceBidAsync(first);
        var batch = await held.Arrived;
        var queuedTasks = queued.Select(grain.PlaceBidAsync).ToList();
        await SequencedAsync(grain, batch[^1].Sequence + queued.Length);
        held.Fail();
        var results = await Task.WhenAll([firstTask, .. queuedTasks]);

        Assert.All(results, r => Assert.Equal((BidResult.RefusedStatus, RefusalCodes.Unavailable, (long?)null), (r.Status, r.Code, r.Sequence)));
        Assert.Empty(BidsOf(terms.AuctionId));
        Assert.Equal(published, Updates.For(terms.AuctionId).Count);
        Assert.Equal(batch[0].Sequence - 1, (await grain.GetSnapshotAsync())!.Sequence);
    }

    [Fact]
    public async Task PlaceBidAsync_AfterJournalRecovers_BiddingResumesAndJournalHoldsOnlyAcknowledgedBids()
    {
        var (grain, terms) = await CreateAsync("journal-recovers");
        var lost = Bid("acme", 980_000m);
        var retried = Bid("bravo", 970_000m);
        Journal.FailNextAppends(terms.AuctionId, 1);
        var failed = await grain.PlaceBidAsync(lost);

        var retry = await grain.PlaceBidAsync(retried);
        var fresh = await grain.PlaceBidAsync(Bid("acme", 975_000m));

        Assert.Equal(RefusalCodes.Unavailable, failed.Code);
        Assert.True(retry.IsAccepted, retry.Message);
        Assert.True(fresh.IsAccepted, fresh.Message);
        var entries = Journal.EntriesOf(terms.AuctionId);
        Assert.Equal(-1, JournalCodec.FindBrokenLink(entries));
        Assert.Equal([(retry.Sequence!.Value, retry.BidId), (fresh.Sequence!.Value, fresh.BidId)], BidsOf(terms.AuctionId).Select(b => (b.Sequence, b.BidId)));
        Assert.Equal(retry.Sequence + 1, fresh.Sequence);
    }

    [Fact]
    public async Task PlaceBidAsync_BidArrivingWhileTheGrainReloadsAfterAFailedWrite_IsAnswered()
    {
        var (grain, terms) = await CreateAsync("reload-bid");
        var write = Journal.HoldNextAppend(terms.AuctionId);
        var reload = Journal.HoldNextRead(terms.AuctionId);
        var doomedTask = grain.PlaceBidAsync(Bid("acme", 980_000m));
        await write.Arrived;
        write.Fail();
        await reload.Arrived;
        var late = Bid("bravo", 970_000m);

        var lateTask = grain.PlaceBidAsync(late);
        await fixture.Bids.EnteredAsync(late.BidId);
        reload.Release();
        var doomed = await doomedTask;
        var result = await lateTask.WaitAsync(Eventually.Timeout);

        Assert.Equal(RefusalCodes.Unavailable, doomed.Code);
        Assert.True(result.IsAccepted, result.Message);
        Assert.Equal([late.BidId], BidsOf(terms.AuctionId).Select(b => b.BidId));
    }

    [Fact]
    public async Task CreateAsync_FirstJournalWriteFails_AuctionEitherDoesNotExistOrClosesOnTime()
    {
        var terms = Terms("create-write-fails");
        var grain = fixture.Auction(terms.AuctionId);
        Journal.FailNextAppends(terms.AuctionId, 1);

        var outcome = await CreateOutcomeAsync(grain, terms);
        fixture.Clock.Advance(terms.EndsAt - fixture.Now);
        var exists = await grain.GetViewAsync(Viewer.Officer) is not null;
        var closed = exists && await AdvanceUntilClosedAsync(grain, terms.AuctionId, TimeSpan.FromMinutes(5));

        Assert.True(!exists || closed, $"Create answered '{outcome}'; the auction exists but never closed by itself.");
        Assert.True(!exists || Journal.EntriesOf(terms.AuctionId)[^1].Type == AuctionClosed.TypeName);
    }

    [Fact]
    public async Task PlaceBidAsync_RefusedUnavailableThenResentWithSameBidId_IsAcceptedOnce()
    {
        var (grain, terms) = await CreateAsync("journal-resend");
        var bid = Bid("acme", 980_000m);
        Journal.FailNextAppends(terms.AuctionId, 1);

        var failed = await grain.PlaceBidAsync(bid);
        var resent = await grain.PlaceBidAsync(bid);
        var again = await grain.PlaceBidAsync(bid);

        Assert.Equal(RefusalCodes.Unavailable, failed.Code);
        Assert.True(resent.IsAccepted, resent.Message);
        Assert.Equal(resent.Sequence, again.Sequence);
        Assert.Single(BidsOf(terms.AuctionId), b => b.BidId == bid.BidId);
    }

    [Fact]
    public async Task Publish_SequentialBids_OneSnapshotPerDurableWrite()
    {
        var (grain, terms) = await CreateAsync("sink");

        await grain.PlaceBidAsync(Bid("acme", 980_000m));
        await grain.PlaceBidAsync(Bid("bravo", 970_000m));
        await grain.PlaceBidAsync(Bid("acme", 960_000m));

        var writes = Journal.AppendsOf(terms.AuctionId).Where(a => a.Succeeded).ToList();
        var snapshots = Updates.For(terms.AuctionId);
        Assert.Equal(writes.Select(w => w.Entries[^1].Sequence), snapshots.Select(s => s.Sequence));
        Assert.Equal(960_000m, snapshots[^1].Ranked[0].Amount);
    }

    [Fact]
    public async Task Publish_BatchDurableWhileNextBatchIsPending_SnapshotHoldsOnlyDurableEvents()
    {
        var (grain, terms) = await CreateAsync("sink-durable-only");
        var firstWrite = Journal.HoldNextAppend(terms.AuctionId);
        var secondWrite = Journal.HoldNextAppend(terms.AuctionId);
        var published = Updates.For(terms.AuctionId).Count;

        var durable = grain.PlaceBidAsync(Bid("acme", 980_000m));
        var firstBatch = await firstWrite.Arrived;
        var doomed = grain.PlaceBidAsync(Bid("bravo", 970_000m));
        await SequencedAsync(grain, firstBatch[^1].Sequence + 1);
        firstWrite.Release();
        await secondWrite.Arrived;
        secondWrite.Fail();
        var results = await Task.WhenAll(durable, doomed);

        Assert.True(results[0].IsAccepted, results[0].Message);
        Assert.Equal(RefusalCodes.Unavailable, results[1].Code);
        var snapshot = Assert.Single(Updates.For(terms.AuctionId).Skip(published));
        Assert.Equal(firstBatch[^1].Sequence, snapshot.Sequence);
        Assert.DoesNotContain(snapshot.Ranked, s => s.Amount == 970_000m);
    }

    [Fact]
    public async Task PlaceBidAsync_TwoBidsOfOneSupplierInOneBatch_EachResultCarriesItsOwnAmount()
    {
        var (grain, terms) = await CreateAsync("same-batch");
        var held = Journal.HoldNextAppend(terms.AuctionId);

        var opener = grain.PlaceBidAsync(Bid("bravo", 980_000m));
        var inFlight = await held.Arrived;
        var higher = grain.PlaceBidAsync(Bid("acme", 975_000m));
        await SequencedAsync(grain, inFlight[^1].Sequence + 1);
        var lower = grain.PlaceBidAsync(Bid("acme", 970_000m));
        await SequencedAsync(grain, inFlight[^1].Sequence + 2);
        held.Release();
        var results = await Task.WhenAll(opener, higher, lower);

        Assert.All(results, r => Assert.True(r.IsAccepted, r.Message));
        Assert.Equal([980_000m, 975_000m, 970_000m], results.Select(r => r.Amount));
    }

    private static IEnumerable<(string, string, decimal, decimal?, long, DateTimeOffset?, int)> Standings(AuctionSnapshot snapshot) =>
        snapshot.Ranked.Select(s => (s.SupplierId, s.Label, s.Coefficient, s.Amount, s.Sequence, s.At, s.BidCount));

    /// <summary>Twenty descending bids per supplier, interleaved: 900,000 − 1,000 × round − supplier index.</summary>
    private static List<PlaceBid> ConcurrentBids(string[] suppliers) =>
        [.. from round in Enumerable.Range(0, 20)
            from s in Enumerable.Range(0, suppliers.Length)
            select Bid(suppliers[s], 900_000m - (round * 1_000m) - s)];

    /// <summary>
    /// Every answer is an acceptance or a step refusal (arrival order decides which); accepted bids hold consecutive
    /// sequences after the genesis, the journal holds each exactly once at its sequence with its amount, in order, and
    /// its chain verifies. Returns the accepted results.
    /// </summary>
    private List<BidResult> AssertSequencedAndJournaled(string auctionId, int genesis, BidResult[] results, IReadOnlyList<PlaceBid> bids)
    {
        Assert.Equal(bids.Select(b => b.BidId), results.Select(r => r.BidId));
        Assert.All(results, r => Assert.True(r.IsAccepted || r.Code == RefusalCodes.StepTooSmall, $"{r.Code}: {r.Message}"));
        var accepted = results.Where(r => r.IsAccepted).OrderBy(r => r.Sequence).ToList();
        Assert.Equal(Enumerable.Range(genesis + 1, accepted.Count).Select(i => (long)i), accepted.Select(r => r.Sequence!.Value));
        var entries = Journal.EntriesOf(auctionId);
        Assert.Equal(-1, JournalCodec.FindBrokenLink(entries));
        var journaled = entries.Skip(genesis).Select(JournalCodec.Decode).Cast<BidAccepted>().ToList();
        Assert.Equal(accepted.Select(r => (r.Sequence!.Value, r.BidId)), journaled.Select(b => (b.Sequence, b.BidId)));
        Assert.All(journaled, b => Assert.Equal((bids.Single(p => p.BidId == b.BidId).SupplierId, bids.Single(p => p.BidId == b.BidId).Amount), (b.SupplierId, b.Amount)));
        Assert.All(journaled.GroupBy(b => b.SupplierId), g => Assert.Equal(g.Select(b => b.Amount).OrderDescending(), g.Select(b => b.Amount)));
        return accepted;
    }

    private static async Task<string> CreateOutcomeAsync(IAuctionGrain grain, AuctionTerms terms)
    {
        try
        {
            return (await grain.CreateAsync(terms, "officer1")).Outcome.ToString();
        }
        catch (AuctionStorageException ex)
        {
            return $"{nameof(AuctionStorageException)}: {ex.Message}";
        }
    }

    private static PlaceBid Bid(string supplierId, decimal amount) => new(supplierId, amount, Guid.NewGuid(), false);

    /// <summary>Waits until the grain has sequenced (not necessarily made durable) the given event.</summary>
    private static Task<AuctionEngineStatus> SequencedAsync(IAuctionGrain grain, long sequence) =>
        Eventually.Until(grain.GetEngineStatusAsync, s => s.SequencedThrough >= sequence, $"sequence {sequence} is taken");

    /// <summary>
    /// Moves the fake clock a second at a time, with a grain round trip between steps (one that applies nothing
    /// itself), until the auction publishes its close or <paramref name="limit"/> of fake time has passed.
    /// </summary>
    private async Task<bool> AdvanceUntilClosedAsync(IAuctionGrain grain, string auctionId, TimeSpan limit)
    {
        for (var waited = TimeSpan.Zero; waited <= limit; waited += TimeSpan.FromSeconds(1))
        {
            if (Updates.For(auctionId).Any(s => s.Closed))
            {
                return true;
            }

            await grain.GetSnapshotAsync();
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        return Updates.For(auctionId).Any(s => s.Closed);
    }

    private List<BidAccepted> BidsOf(string auctionId) =>
        [.. Journal.EntriesOf(auctionId).Where(e => e.Type == BidAccepted.TypeName).Select(JournalCodec.Decode).Cast<BidAccepted>()];

    /// <summary>
    /// Open since a minute ago for 30 minutes with a 1,000.00 own step, between acme (990,000.00) and bravo
    /// (995,000.00), or the given bidders with a 1.00 own step.
    /// </summary>
    private AuctionTerms Terms(
        string hint, Func<AuctionTermsBuilder, AuctionTermsBuilder>? configure = null, IReadOnlyList<InvitedBidder>? bidders = null)
    {
        var now = fixture.Now;
        var builder = new AuctionTermsBuilder()
            .ForProcedure(fixture.NewProcedureId(hint))
            .Running(now.AddMinutes(-1), now.AddMinutes(30));
        builder = bidders is null
            ? builder.WithBidder("acme", 990_000m).WithBidder("bravo", 995_000m)
            : builder.WithBidders(bidders).WithMinStep(StepKind.Amount, 1m, StepReference.Own);
        return (configure?.Invoke(builder) ?? builder).Build();
    }

    private async Task<(IAuctionGrain Grain, AuctionTerms Terms)> CreateAsync(
        string hint, Func<AuctionTermsBuilder, AuctionTermsBuilder>? configure = null, IReadOnlyList<InvitedBidder>? bidders = null)
    {
        var terms = Terms(hint, configure, bidders);
        var grain = fixture.Auction(terms.AuctionId);
        var created = await grain.CreateAsync(terms, "officer1");
        Assert.Equal(CreateAuctionOutcome.Created, created.Outcome);
        return (grain, terms);
    }
}
