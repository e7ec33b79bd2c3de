using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// Owns one auction in memory. Each bid is decided synchronously in the grain's turn (so ordering needs no lock),
/// sequenced, hash-chained and queued; the grain is reentrant so bids arriving while a write is in flight join the
/// next write (group commit). A bid is acknowledged only once its batch is durable; if a write fails, that batch
/// and every bid queued behind it are refused and the book is rebuilt from the journal.
/// </summary>
[Reentrant]
public sealed class AuctionGrain(
    [PersistentState("auction", "auctions")] IPersistentState<AuctionState> state,
    IAuctionJournal journal,
    ISanctionRegistry sanctions,
    IAuctionUpdateSink updates,
    TimeProvider time,
    ILogger<AuctionGrain> logger) : Grain, IAuctionGrain
{
    /// <summary>Entries waiting for a write beyond which bids are refused as unavailable (bounded memory under floods).</summary>
    public const int MaxPendingEntries = 50_000;

    /// <summary>How long the clock waits before trying again a phase change whose write failed.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private AuctionBook? _book;
    private string _head = JournalCodec.GenesisHash;
    private long _durableSequence;
    private List<JournalEntry> _pending = [];
    private TaskCompletionSource<AuctionSnapshot>? _pendingCommit;
    private (TaskCompletionSource<AuctionSnapshot> Commit, long LastSequence)? _inFlight;
    private bool _flushing;
    private bool _creating;
    private bool _needsLoad;
    private Task? _loading;
    private AuctionSnapshot? _durable;
    private ITimer? _timer;
    private IAuctionGrain? _self;

    private string AuctionId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _self = this.AsReference<IAuctionGrain>();
        _needsLoad = state.RecordExists;
        if (await EnsureLoadedAsync())
        {
            await TickAsync();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public async Task<CreateAuctionResult> CreateAsync(AuctionTerms terms, string createdBy)
    {
        var now = Now();
        // Reentrant: a second create arriving while the first writes must see it as taken.
        if (state.RecordExists || _creating)
        {
            return new CreateAuctionResult(CreateAuctionOutcome.AlreadyExists, new Dictionary<string, string[]>());
        }

        var errors = AuctionTermsValidator.Validate(terms, now);
        if (terms.AuctionId != AuctionId)
        {
            errors["auctionId"] = ["The terms belong to another auction."];
        }

        if (errors.Count > 0)
        {
            return new CreateAuctionResult(CreateAuctionOutcome.Invalid, errors);
        }

        state.State = new AuctionState { Terms = terms, CreatedAt = now, CreatedBy = createdBy };
        _creating = true;
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _creating = false;
        }

        _book = new AuctionBook(terms);
        _durable = _book.ToSnapshot(now);
        _needsLoad = false;
        try
        {
            await CommitAsync(AuctionRules.Genesis(terms, now));
        }
        catch (AuctionStorageException)
        {
            // The auction exists (its terms are durable); the reload that follows a failed write appends the initial
            // offers again and the clock keeps retrying, so it still opens and closes on time.
        }

        await TickAsync();
        return new CreateAuctionResult(CreateAuctionOutcome.Created, new Dictionary<string, string[]>());
    }

    public async Task<BidResult> PlaceBidAsync(PlaceBid bid)
    {
        if (!await EnsureLoadedAsync())
        {
            return BidResult.Refused(bid, RefusalCodes.Unavailable, "The auction's storage is unavailable; nothing was recorded. Send the same bidId again shortly.");
        }

        if (_book is not { } book)
        {
            return BidResult.Refused(bid, RefusalCodes.UnknownAuction, "No auction has this id.");
        }

        if (book.TryGetAcceptedBid(bid.BidId, out var prior))
        {
            return await RepeatAsync(bid, prior);
        }

        var now = Now();
        var due = AuctionRules.Advance(book, now);
        if (due.Count > 0)
        {
            // Sequenced before this bid; a failure of that write is handled by the flush (refuse and reload).
            CommitAsync(due).Ignore();
        }

        var decision = AuctionRules.Evaluate(book, bid, now, sanctions.IsSanctioned(bid.SupplierId, now));
        if (!decision.IsAccepted || _pending.Count >= MaxPendingEntries)
        {
            var code = decision.RefusalCode ?? RefusalCodes.Unavailable;
            book.CountRefusal(code);
            var message = decision.RefusalCode is null ? "The auction is overloaded; nothing was recorded. Send the same bidId again." : decision.Message;
            return BidResult.Refused(bid, code, message, AuctionViews.For(DurableSnapshot(now), ViewerOf(bid)));
        }

        try
        {
            var snapshot = await CommitAsync(decision.Events);
            return Accepted(bid, decision.Events[0].Sequence, snapshot);
        }
        catch (AuctionStorageException)
        {
            return BidResult.Refused(bid, RefusalCodes.Unavailable, "The bid could not be recorded durably, so it was not accepted. Send it again with the same bidId.");
        }
    }

    public async Task<AuctionView?> GetViewAsync(Viewer viewer) =>
        await GetSnapshotAsync() is { } snapshot ? AuctionViews.For(snapshot, viewer) : null;

    public async Task<AuctionSnapshot?> GetSnapshotAsync()
    {
        if (!await EnsureLoadedAsync())
        {
            throw new AuctionStorageException($"Auction {AuctionId}: storage is unavailable.");
        }

        return _book is null ? null : DurableSnapshot(Now());
    }

    public Task<AuctionEngineStatus> GetEngineStatusAsync() =>
        Task.FromResult(new AuctionEngineStatus(_book?.Sequence ?? 0, _durableSequence, _pending.Count, _inFlight is not null));

    public async Task TickAsync()
    {
        if (!await EnsureLoadedAsync())
        {
            ArmTimer(RetryDelay);
            return;
        }

        if (_book is not { } book)
        {
            return;
        }

        var due = AuctionRules.Advance(book, Now());
        if (due.Count > 0)
        {
            try
            {
                await CommitAsync(due);
            }
            catch (AuctionStorageException)
            {
                // The failed write's reload re-arms the clock with a delay (FailAsync).
                return;
            }
        }

        ArmTimer();
    }

    private async Task<BidResult> RepeatAsync(PlaceBid bid, AcceptedBid prior)
    {
        if (prior.SupplierId != bid.SupplierId)
        {
            return BidResult.Refused(bid, RefusalCodes.Invalid, "This bidId is already used by another bid; use a fresh UUID per bid.");
        }

        if (prior.Sequence > _durableSequence)
        {
            // The original is still on its way to disk: answer as it is answered.
            var commit = _inFlight is { } inFlight && prior.Sequence <= inFlight.LastSequence ? inFlight.Commit : _pendingCommit;
            try
            {
                await commit!.Task;
            }
            catch (AuctionStorageException)
            {
                return BidResult.Refused(bid, RefusalCodes.Unavailable, "The bid could not be recorded durably, so it was not accepted. Send it again with the same bidId.");
            }
        }

        var view = AuctionViews.For(DurableSnapshot(Now()), ViewerOf(bid));
        // The original answer: the rank the bid earned when accepted, where the feedback mode shows ranks.
        return BidResult.Accepted(bid.BidId, prior.Amount, prior.Sequence, view.MyRank is null ? null : prior.RankAfter, view);
    }

    /// <summary>The acknowledgement: the bid's own amount and sequence, and the caller's view after its batch.</summary>
    private static BidResult Accepted(PlaceBid bid, long sequence, AuctionSnapshot snapshot)
    {
        var view = AuctionViews.For(snapshot, ViewerOf(bid));
        return BidResult.Accepted(bid.BidId, bid.Amount, sequence, view.MyRank, view);
    }

    private static Viewer ViewerOf(PlaceBid bid) => Viewer.Supplier(bid.SupplierId);

    /// <summary>Applies the events, chains them onto the journal head and queues them; completes when they are durable.</summary>
    private Task<AuctionSnapshot> CommitAsync(IReadOnlyList<AuctionEvent> events)
    {
        if (events.Count == 0)
        {
            return Task.FromResult(DurableSnapshot(Now()));
        }

        foreach (var e in events)
        {
            _book!.Apply(e);
        }

        _head = Chain(events, _head, _pending);

        _pendingCommit ??= new TaskCompletionSource<AuctionSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = _pendingCommit.Task;
        if (!_flushing)
        {
            _ = FlushAsync();
        }

        return task;
    }

    private async Task FlushAsync()
    {
        _flushing = true;
        try
        {
            // Let the bids already queued for this activation join the first write.
            await Task.Yield();
            while (_pending.Count > 0)
            {
                var batch = _pending;
                var commit = _pendingCommit!;
                // Everything applied to the book so far is in this batch: this is the state it makes durable.
                var snapshot = _book!.ToSnapshot(Now());
                _pending = [];
                _pendingCommit = null;
                _inFlight = (commit, batch[^1].Sequence);
                try
                {
                    await journal.AppendAsync(AuctionId, batch);
                }
                catch (Exception ex)
                {
                    await FailAsync(commit, batch, ex);
                    return;
                }

                _durableSequence = batch[^1].Sequence;
                _inFlight = null;
                // Stamped now: a view's serverTime is when its state became durable (watchers measure lag from it).
                snapshot = snapshot.At(Now());
                _durable = snapshot;
                commit.TrySetResult(snapshot);
                updates.Publish(snapshot);
                if (batch.Exists(e => e.Type is AuctionExtended.TypeName or AuctionOpened.TypeName))
                {
                    ArmTimer();
                }
            }
        }
        finally
        {
            _flushing = false;
        }
    }

    private async Task FailAsync(TaskCompletionSource<AuctionSnapshot> commit, List<JournalEntry> batch, Exception ex)
    {
        // Everything queued after the failed batch chains onto it, so it is refused too; then the book is rebuilt
        // from what is durable. An ambiguous failure (written, but the answer lost) shows up in the reload, and the
        // same bidId then returns the original acceptance.
        logger.LogError(ex, "Auction {AuctionId}: journal append of sequences {First}..{Last} failed; refusing them and reloading.", AuctionId, batch[0].Sequence, batch[^1].Sequence);
        var failure = new AuctionStorageException($"Auction {AuctionId}: the journal write failed.", ex);
        var queued = _pendingCommit;
        _pending = [];
        _pendingCommit = null;
        _inFlight = null;
        _needsLoad = true;
        commit.TrySetException(failure);
        queued?.TrySetException(failure);
        await EnsureLoadedAsync();
        ArmTimer(RetryDelay);
    }

    /// <summary>Rebuilds the book from the state and the journal when needed (single flight); false while storage is down.</summary>
    private async Task<bool> EnsureLoadedAsync()
    {
        while (true)
        {
            if (_loading is { } loading)
            {
                try
                {
                    await loading;
                }
                catch (Exception)
                {
                    return false;
                }

                continue;
            }

            if (!_needsLoad)
            {
                return true;
            }

            _loading = LoadAsync();
            try
            {
                await _loading;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Auction {AuctionId}: could not load from storage.", AuctionId);
                return false;
            }
            finally
            {
                _loading = null;
            }
        }
    }

    private async Task LoadAsync()
    {
        var terms = state.State.Terms ?? throw new InvalidOperationException($"Auction {AuctionId} has state without terms.");
        var entries = await journal.ReadAsync(AuctionId);
        if (entries.Count == 0)
        {
            // Created, but the first write never landed: the initial offers are derived from the terms again.
            var genesis = new List<JournalEntry>();
            Chain(AuctionRules.Genesis(terms, Now()), JournalCodec.GenesisHash, genesis);
            if (genesis.Count > 0)
            {
                await journal.AppendAsync(AuctionId, genesis);
            }

            entries = genesis;
        }

        var broken = JournalCodec.FindBrokenLink(entries);
        if (broken >= 0)
        {
            throw new InvalidDataException($"Auction {AuctionId}: the journal's hash chain breaks at sequence {broken + 1}.");
        }

        var book = new AuctionBook(terms);
        foreach (var entry in entries)
        {
            book.Apply(JournalCodec.Decode(entry));
        }

        _book = book;
        _head = entries.Count > 0 ? entries[^1].Hash : JournalCodec.GenesisHash;
        _durableSequence = book.Sequence;
        _durable = book.ToSnapshot(Now());
        _needsLoad = false;
        logger.LogInformation("Auction {AuctionId}: loaded {Count} journal entries.", AuctionId, entries.Count);
    }

    /// <summary>Encodes the events as entries chained onto <paramref name="head"/>, adds them to <paramref name="into"/>, returns the new head.</summary>
    private string Chain(IReadOnlyList<AuctionEvent> events, string head, List<JournalEntry> into)
    {
        foreach (var e in events)
        {
            var entry = JournalCodec.Encode(AuctionId, e, head);
            into.Add(entry);
            head = entry.Hash;
        }

        return head;
    }

    /// <summary>
    /// Arms one timer for the next phase change (opening or close) on the injected clock, no sooner than
    /// <paramref name="notBefore"/> from now; while storage is down (book not loaded) it retries the load.
    /// </summary>
    private void ArmTimer(TimeSpan notBefore = default)
    {
        _timer?.Dispose();
        _timer = null;
        if (_needsLoad ? !state.RecordExists : _book is not { Closed: false })
        {
            return;
        }

        var now = Now();
        var due = notBefore;
        if (!_needsLoad && _book is { } book)
        {
            var next = book.Opened || now >= book.Terms.StartsAt ? book.EndsAt : book.Terms.StartsAt;
            due = next - now > notBefore ? next - now : notBefore;
        }

        // Live auctions stay in memory until they close: idle collection must not take their clock away.
        DelayDeactivation(due + TimeSpan.FromMinutes(5));
        _timer = time.CreateTimer(static s => ((IAuctionGrain)s!).TickAsync().Ignore(), _self!, due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>What is durable, as of now: bids still on their way to disk are never shown or broadcast.</summary>
    private AuctionSnapshot DurableSnapshot(DateTimeOffset now) =>
        _pending.Count == 0 && _inFlight is null ? _book!.ToSnapshot(now) : _durable!.At(now);

    private DateTimeOffset Now() => JournalCodec.Truncate(time.GetUtcNow());
}
