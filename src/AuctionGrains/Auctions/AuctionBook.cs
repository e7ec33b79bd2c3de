using System.Security.Cryptography;
using System.Text;

namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// The in-memory order book of one auction: standings ranked by (score, accepted sequence), the phase, the close
/// time and the accepted bid ids. The rules read it to decide; <see cref="Apply"/> is the only way it changes, both
/// live and when a replay of the journal rebuilds it, so the two can never disagree. Owned by one grain turn at a time.
/// </summary>
public sealed class AuctionBook
{
    /// <summary>How many of the latest accepted bids a snapshot carries (the officers' chart).</summary>
    public const int LatestBidsKept = 50;

    private readonly Dictionary<string, BidderStanding> _bidders;
    private readonly List<BidderStanding> _ranked;
    private readonly Dictionary<Guid, AcceptedBid> _acceptedBids = [];
    private readonly Queue<BidPoint> _latestBids = new(LatestBidsKept);
    private readonly Dictionary<string, int> _refusalCounts = new(StringComparer.Ordinal);

    public AuctionBook(AuctionTerms terms)
    {
        Terms = terms;
        EndsAt = terms.EndsAt;
        Labels = AssignLabels(terms);
        _bidders = new Dictionary<string, BidderStanding>(terms.Bidders.Length, StringComparer.Ordinal);
        _ranked = new List<BidderStanding>(terms.Bidders.Length);
        foreach (var bidder in terms.Bidders)
        {
            _bidders[bidder.SupplierId] = new BidderStanding(bidder.SupplierId, Labels[bidder.SupplierId], bidder.Coefficient, null, 0, null, 0);
        }
    }

    public AuctionTerms Terms { get; }

    /// <summary>Stable anonymous labels ("Bidder 3"), in an order no bidder can derive from the invitation list.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Sequence of the last applied event.</summary>
    public long Sequence { get; private set; }

    public bool Opened { get; private set; }

    public bool Closed { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public int Extensions { get; private set; }

    public int BidCount { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Standings of every bidder that has a price, best first.</summary>
    public IReadOnlyList<BidderStanding> Ranked => _ranked;

    public BidderStanding? Leader => _ranked.Count > 0 ? _ranked[0] : null;

    public IReadOnlyDictionary<string, int> RefusalCounts => _refusalCounts;

    public bool IsInvited(string supplierId) => _bidders.ContainsKey(supplierId);

    public BidderStanding? StandingOf(string supplierId) => _bidders.GetValueOrDefault(supplierId);

    public bool TryGetAcceptedBid(Guid bidId, out AcceptedBid accepted) => _acceptedBids.TryGetValue(bidId, out accepted!);

    /// <summary>1-based rank, or null when the bidder has no price yet.</summary>
    public int? RankOf(string supplierId)
    {
        if (!_bidders.TryGetValue(supplierId, out var standing) || standing.Amount is null)
        {
            return null;
        }

        return _ranked.BinarySearch(standing, StandingComparer.Instance) + 1;
    }

    /// <summary>The 1-based rank the bidder would have if it bid <paramref name="amount"/> now as <paramref name="sequence"/>.</summary>
    public int RankIfBid(BidderStanding bidder, decimal amount, long sequence)
    {
        // The bidder's current standing is worse than the probe (bids only go down), so it never shifts the index.
        var probe = bidder with { Amount = amount, Sequence = sequence };
        var index = _ranked.BinarySearch(probe, StandingComparer.Instance);
        return (index >= 0 ? index : ~index) + 1;
    }

    /// <summary>The status every audience sees at <paramref name="now"/>; bids follow the same clock.</summary>
    public AuctionStatus StatusAt(DateTimeOffset now) => AuctionRules.StatusAt(Closed, Terms.StartsAt, EndsAt, now);

    public void CountRefusal(string code) =>
        _refusalCounts[code] = _refusalCounts.GetValueOrDefault(code) + 1;

    /// <summary>Applies the next event. Events must arrive in sequence order, each exactly once.</summary>
    public void Apply(AuctionEvent e)
    {
        if (e.Sequence != Sequence + 1)
        {
            throw new InvalidOperationException($"Auction {Terms.AuctionId}: event {e.Sequence} applied after {Sequence}.");
        }

        switch (e)
        {
            case InitialOfferRecorded offer:
                Improve(offer.SupplierId, offer.Amount, offer.Sequence, offer.At, countsAsBid: false);
                break;
            case AuctionOpened:
                Opened = true;
                break;
            case BidAccepted bid:
                Improve(bid.SupplierId, bid.Amount, bid.Sequence, bid.At, countsAsBid: true);
                BidCount++;
                _acceptedBids[bid.BidId] = new AcceptedBid(bid.SupplierId, bid.Amount, bid.Sequence, bid.At, RankOf(bid.SupplierId) ?? 0);
                if (_latestBids.Count == LatestBidsKept)
                {
                    _latestBids.Dequeue();
                }

                _latestBids.Enqueue(new BidPoint(bid.Sequence, bid.SupplierId, bid.Amount, _bidders[bid.SupplierId].Score!.Value, bid.At));
                break;
            case AuctionExtended extended:
                EndsAt = extended.EndsAt;
                Extensions = extended.Extension;
                break;
            case AuctionClosed closed:
                Closed = true;
                ClosedAt = closed.At;
                break;
            default:
                throw new InvalidOperationException($"Unknown auction event {e.GetType().Name}.");
        }

        Sequence = e.Sequence;
    }

    /// <summary>An immutable picture for views and broadcasts; shares the (immutable) standings, copies only the lists.</summary>
    public AuctionSnapshot ToSnapshot(DateTimeOffset now) => new(
        Terms,
        Labels,
        Opened,
        Closed,
        EndsAt,
        Extensions,
        Sequence,
        BidCount,
        [.. _ranked],
        _bidders.Count,
        [.. _latestBids],
        new Dictionary<string, int>(_refusalCounts),
        now);

    private void Improve(string supplierId, decimal amount, long sequence, DateTimeOffset at, bool countsAsBid)
    {
        var previous = _bidders[supplierId];
        if (previous.Amount is not null)
        {
            _ranked.RemoveAt(_ranked.BinarySearch(previous, StandingComparer.Instance));
        }

        var next = previous with { Amount = amount, Sequence = sequence, At = at, BidCount = previous.BidCount + (countsAsBid ? 1 : 0) };
        _bidders[supplierId] = next;
        var index = _ranked.BinarySearch(next, StandingComparer.Instance);
        _ranked.Insert(~index, next);
    }

    private static Dictionary<string, string> AssignLabels(AuctionTerms terms)
    {
        // Numbered by a hash of (auction, supplier): stable across restarts, unrelated to the invitation order.
        var ordered = terms.Bidders
            .Select(b => b.SupplierId)
            .OrderBy(id => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(terms.AuctionId + "\n" + id))), StringComparer.Ordinal)
            .ToList();
        var labels = new Dictionary<string, string>(ordered.Count, StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            labels[ordered[i]] = $"Bidder {i + 1}";
        }

        return labels;
    }

    /// <summary>Best first: lower score, then earlier accepted sequence.</summary>
    private sealed class StandingComparer : IComparer<BidderStanding>
    {
        public static readonly StandingComparer Instance = new();

        public int Compare(BidderStanding? x, BidderStanding? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            var byScore = WeightedScore.Compare(x!.Amount!.Value, x.Coefficient, y!.Amount!.Value, y.Coefficient);
            return byScore != 0 ? byScore : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
