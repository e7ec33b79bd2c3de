using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tests.Auctions;

/// <summary>
/// One journal call (an append or a read) that a test holds at the door: <see cref="Arrived"/> completes once the
/// grain makes the call (with the batch, for an append), and the call completes only when the test calls
/// <see cref="Release"/> or <see cref="Fail"/>.
/// </summary>
public sealed class JournalGate
{
    private readonly TaskCompletionSource<IReadOnlyList<JournalEntry>> _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _fails = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The entries of the held append (empty for a read), once the grain is making the call.</summary>
    public Task<IReadOnlyList<JournalEntry>> Arrived => _arrived.Task.WaitAsync(Eventually.Timeout);

    public void Release() => _fails.TrySetResult(false);

    public void Fail() => _fails.TrySetResult(true);

    /// <summary>Called by the journal: announces the call and waits for the test's verdict (true = fail).</summary>
    internal async Task<bool> ArriveAsync(IReadOnlyList<JournalEntry> entries)
    {
        _arrived.TrySetResult(entries);

        // A test that fails before deciding must not leave the grain waiting forever.
        try
        {
            return await _fails.Task.WaitAsync(Eventually.Timeout * 2);
        }
        catch (TimeoutException)
        {
            return true;
        }
    }
}
