using System.Collections.Immutable;

namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// An immutable picture of an auction after a durable write: what the host turns into each audience's view.
/// It holds identities, so it never leaves the trusted side; only <see cref="AuctionViews"/> output reaches clients.
/// </summary>
[GenerateSerializer, Immutable, Alias("CompraNet.AuctionSnapshot")]
public sealed record AuctionSnapshot(
    [property: Id(0)] AuctionTerms Terms,
    [property: Id(1)] IReadOnlyDictionary<string, string> Labels,
    [property: Id(2)] bool Opened,
    [property: Id(3)] bool Closed,
    [property: Id(4)] DateTimeOffset EndsAt,
    [property: Id(5)] int Extensions,
    [property: Id(6)] long Sequence,
    [property: Id(7)] int BidCount,
    [property: Id(8)] ImmutableArray<BidderStanding> Ranked,
    [property: Id(9)] int BidderCount,
    [property: Id(10)] ImmutableArray<BidPoint> LatestBids,
    [property: Id(11)] IReadOnlyDictionary<string, int> RefusalCounts,
    [property: Id(12)] DateTimeOffset TakenAt)
{
    [NonSerialized]
    private AuctionViewSet? _views;

    // Copies (with-expressions) must not share the views cached for another TakenAt.
    private AuctionSnapshot(AuctionSnapshot original)
    {
        Terms = original.Terms;
        Labels = original.Labels;
        Opened = original.Opened;
        Closed = original.Closed;
        EndsAt = original.EndsAt;
        Extensions = original.Extensions;
        Sequence = original.Sequence;
        BidCount = original.BidCount;
        Ranked = original.Ranked;
        BidderCount = original.BidderCount;
        LatestBids = original.LatestBids;
        RefusalCounts = original.RefusalCounts;
        TakenAt = original.TakenAt;
    }

    public string AuctionId => Terms.AuctionId;

    /// <summary>The same durable state seen at another time (status and server time follow the clock).</summary>
    public AuctionSnapshot At(DateTimeOffset now) => this with { TakenAt = now };

    /// <summary>Every audience's view as of <see cref="TakenAt"/>, built once per snapshot however many callers ask.</summary>
    internal AuctionViewSet Views => _views ??= new AuctionViewSet(this);

    public AuctionStatus StatusAt(DateTimeOffset now) => AuctionRules.StatusAt(Closed, Terms.StartsAt, EndsAt, now);
}
