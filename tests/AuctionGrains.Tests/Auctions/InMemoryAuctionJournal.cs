using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tests.Auctions;

/// <summary>
/// A thread-safe in-memory <see cref="IAuctionJournal"/> that keeps the contract (atomic batches, consecutive
/// sequences, a taken sequence fails the write), records every append, and lets a test fail or hold the next
/// appends and reads of one auction. Failures and holds are per auction, so the tests sharing the cluster can't steal them.
/// </summary>
public sealed class InMemoryAuctionJournal : IAuctionJournal
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<JournalEntry>> _entries = new(StringComparer.Ordinal);
    private readonly List<JournalAppend> _appends = [];
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<JournalGate>> _heldAppends = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<JournalGate>> _heldReads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _reads = new(StringComparer.Ordinal);

    /// <summary>The next <paramref name="count"/> appends of the auction throw, writing nothing.</summary>
    public void FailNextAppends(string auctionId, int count)
    {
        lock (_gate)
        {
            _failures[auctionId] = count;
        }
    }

    /// <summary>Holds the auction's next append not yet held until the test releases or fails it.</summary>
    public JournalGate HoldNextAppend(string auctionId) => Hold(_heldAppends, auctionId);

    /// <summary>Holds the auction's next read not yet held (a load of the grain) until the test releases or fails it.</summary>
    public JournalGate HoldNextRead(string auctionId) => Hold(_heldReads, auctionId);

    /// <summary>The durable entries of the auction, in sequence order.</summary>
    public IReadOnlyList<JournalEntry> EntriesOf(string auctionId)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(auctionId, out var list) ? [.. list] : [];
        }
    }

    /// <summary>Every append attempt for the auction, failed ones included, in the order they finished.</summary>
    public IReadOnlyList<JournalAppend> AppendsOf(string auctionId)
    {
        lock (_gate)
        {
            return [.. _appends.Where(a => a.AuctionId == auctionId)];
        }
    }

    /// <summary>How many times the auction's journal was read (once per load of the grain).</summary>
    public int ReadsOf(string auctionId)
    {
        lock (_gate)
        {
            return _reads.GetValueOrDefault(auctionId);
        }
    }

    public async Task AppendAsync(string auctionId, IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        JournalEntry[] batch = [.. entries];

        // A real store answers later: let the grain take other requests meanwhile (that is what group commit needs).
        await Task.Yield();
        if (NextHeld(_heldAppends, auctionId) is { } held && await held.ArriveAsync(batch))
        {
            Record(auctionId, batch, succeeded: false);
            throw new IOException($"The test failed the held append of {auctionId}.");
        }

        lock (_gate)
        {
            if (_failures.GetValueOrDefault(auctionId) > 0)
            {
                _failures[auctionId]--;
                _appends.Add(new JournalAppend(auctionId, batch, Succeeded: false));
                throw new IOException($"The test failed this append of {auctionId}.");
            }

            if (!_entries.TryGetValue(auctionId, out var list))
            {
                _entries[auctionId] = list = [];
            }

            for (var i = 0; i < batch.Length; i++)
            {
                if (batch[i].AuctionId != auctionId || batch[i].Sequence != list.Count + i + 1)
                {
                    _appends.Add(new JournalAppend(auctionId, batch, Succeeded: false));
                    throw new InvalidOperationException(
                        $"Journal of {auctionId}: entry {batch[i].Sequence} does not follow {list.Count + i} (sequence taken or gap).");
                }
            }

            list.AddRange(batch);
            _appends.Add(new JournalAppend(auctionId, batch, Succeeded: true));
        }
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(string auctionId, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        if (NextHeld(_heldReads, auctionId) is { } held && await held.ArriveAsync([]))
        {
            throw new IOException($"The test failed the held read of {auctionId}.");
        }

        lock (_gate)
        {
            _reads[auctionId] = _reads.GetValueOrDefault(auctionId) + 1;
            return _entries.TryGetValue(auctionId, out var list) ? [.. list] : [];
        }
    }

    public Task<IReadOnlyList<string>> ListUnclosedAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<string> unclosed = [.. _entries.Where(p => !p.Value.Exists(e => e.Type == AuctionClosed.TypeName)).Select(p => p.Key)];
            return Task.FromResult(unclosed);
        }
    }

    private JournalGate Hold(Dictionary<string, Queue<JournalGate>> holds, string auctionId)
    {
        var held = new JournalGate();
        lock (_gate)
        {
            if (!holds.TryGetValue(auctionId, out var queue))
            {
                holds[auctionId] = queue = new Queue<JournalGate>();
            }

            queue.Enqueue(held);
        }

        return held;
    }

    private JournalGate? NextHeld(Dictionary<string, Queue<JournalGate>> holds, string auctionId)
    {
        lock (_gate)
        {
            return holds.TryGetValue(auctionId, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
        }
    }

    private void Record(string auctionId, IReadOnlyList<JournalEntry> batch, bool succeeded)
    {
        lock (_gate)
        {
            _appends.Add(new JournalAppend(auctionId, batch, succeeded));
        }
    }
}
