using System.Collections.Concurrent;
using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tests.Auctions;

/// <summary>
/// A silo call filter that tells a test when a bid has entered its grain: from then on the grain runs the bid's
/// turn up to its first await before it takes anything else, so the test knows where the bid is.
/// </summary>
public sealed class IncomingBidTracker : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _entered = new();

    /// <summary>Completes once the bid with this id has entered the grain.</summary>
    public Task EnteredAsync(Guid bidId) => Signal(bidId).Task.WaitAsync(Eventually.Timeout);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Request.GetArgumentCount() == 1 && context.Request.GetArgument(0) is PlaceBid bid)
        {
            Signal(bid.BidId).TrySetResult();
        }

        return context.Invoke();
    }

    private TaskCompletionSource Signal(Guid bidId) =>
        _entered.GetOrAdd(bidId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
