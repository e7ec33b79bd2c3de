using CompraNet.AuctionGrains.Tenders;

namespace CompraNet.AuctionGrains.Tests.Tenders;

/// <summary>
/// A thread-safe in-memory <see cref="ITenderJournal"/> that keeps the contract (atomic appends, the first sequence
/// follows the head, a taken sequence fails), lets a test fail the next appends of one tender and rewrite a tender's
/// history as someone with database access could.
/// </summary>
public sealed class InMemoryTenderJournal : ITenderJournal
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<TenderJournalEntry>> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _reads = new(StringComparer.Ordinal);

    /// <summary>The next <paramref name="count"/> appends of the tender throw, writing nothing.</summary>
    public void FailNextAppends(string tenderId, int count)
    {
        lock (_gate)
        {
            _failures[tenderId] = count;
        }
    }

    public IReadOnlyList<TenderJournalEntry> EntriesOf(string tenderId)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(tenderId, out var list) ? [.. list] : [];
        }
    }

    /// <summary>How many times the tender's journal was read (once per load of the grain).</summary>
    public int ReadsOf(string tenderId)
    {
        lock (_gate)
        {
            return _reads.GetValueOrDefault(tenderId);
        }
    }

    /// <summary>Replaces the tender's stored history, bypassing every check (tampering).</summary>
    public void Rewrite(string tenderId, Func<IReadOnlyList<TenderJournalEntry>, IEnumerable<TenderJournalEntry>> rewrite)
    {
        lock (_gate)
        {
            _entries[tenderId] = [.. rewrite(_entries.TryGetValue(tenderId, out var list) ? [.. list] : [])];
        }
    }

    public async Task AppendAsync(string tenderId, IReadOnlyList<TenderJournalEntry> entries, CancellationToken cancellationToken = default)
    {
        TenderJournalEntry[] batch = [.. entries];
        await Task.Yield();
        lock (_gate)
        {
            if (_failures.GetValueOrDefault(tenderId) > 0)
            {
                _failures[tenderId]--;
                throw new IOException($"The test failed this append of {tenderId}.");
            }

            if (!_entries.TryGetValue(tenderId, out var list))
            {
                _entries[tenderId] = list = [];
            }

            for (var i = 0; i < batch.Length; i++)
            {
                if (batch[i].TenderId != tenderId || batch[i].Sequence != list.Count + i + 1)
                {
                    throw new InvalidOperationException($"Tender journal of {tenderId}: entry {batch[i].Sequence} does not follow {list.Count + i}.");
                }
            }

            list.AddRange(batch);
        }
    }

    public async Task<IReadOnlyList<TenderJournalEntry>> ReadAsync(string tenderId, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        lock (_gate)
        {
            _reads[tenderId] = _reads.GetValueOrDefault(tenderId) + 1;
            return _entries.TryGetValue(tenderId, out var list) ? [.. list] : [];
        }
    }
}
