namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// The per-snapshot work shared by every view: common fields, positions, the anonymous ladder, the ranking. Built once
/// per snapshot so a batch of bids, or a broadcast to a thousand bidders, costs linear time, not quadratic.
/// </summary>
internal sealed class AuctionViewSet
{
    private readonly AuctionSnapshot _s;
    private readonly AuctionView _common;
    private readonly Dictionary<string, int> _positions;
    private readonly Dictionary<string, decimal> _coefficients;
    private AuctionView? _public;
    private AuctionView? _officer;
    private List<LadderEntry>? _anonymousLadder;

    public AuctionViewSet(AuctionSnapshot snapshot)
    {
        _s = snapshot;
        _positions = new Dictionary<string, int>(snapshot.Ranked.Length, StringComparer.Ordinal);
        for (var i = 0; i < snapshot.Ranked.Length; i++)
        {
            _positions[snapshot.Ranked[i].SupplierId] = i;
        }

        _coefficients = snapshot.Terms.Bidders.ToDictionary(b => b.SupplierId, b => b.Coefficient, StringComparer.Ordinal);
        var terms = snapshot.Terms;
        _common = new AuctionView
        {
            AuctionId = terms.AuctionId,
            Title = terms.Title,
            ProcedureId = terms.ProcedureId,
            LotId = terms.LotId,
            Status = snapshot.StatusAt(snapshot.TakenAt),
            ServerTime = snapshot.TakenAt,
            StartsAt = terms.StartsAt,
            EndsAt = snapshot.EndsAt,
            Extensions = snapshot.Extensions,
            Currency = terms.Currency,
            CeilingPrice = terms.CeilingPrice,
            MinStep = terms.MinStep,
            MaxStepPercent = terms.MaxStepPercent,
            TieRule = terms.TieRule,
            SoftClose = terms.SoftClose,
            Feedback = terms.Feedback,
            Format = terms.Format,
            BidderCount = snapshot.BidderCount,
            Sequence = snapshot.Sequence,
            Audience = Audience.Public,
            // Names are revealed once the close is journaled, never on the clock alone.
            Ranking = snapshot.Closed ? snapshot.Ranked.Select((b, i) => new RankingEntry(i + 1, b.SupplierId, b.Amount!.Value, b.Score!.Value)).ToList() : null,
        };
    }

    public AuctionView Public() => _public ??= _common with { BidCount = _s.BidCount };

    public AuctionView Officer() => _officer ??= _common with
    {
        Audience = Audience.Officer,
        BidCount = _s.BidCount,
        Ladder = _s.Ranked.Select((b, i) => new LadderEntry(i + 1, b.SupplierId, b.Label, b.Amount!.Value, b.Score!.Value, b.Coefficient, b.At, b.Sequence)).ToList(),
        LatestBids = _s.LatestBids,
        RefusalCounts = _s.RefusalCounts,
    };

    public AuctionView Supplier(string supplierId)
    {
        var index = _positions.GetValueOrDefault(supplierId, -1);
        var mine = index >= 0 ? _s.Ranked[index] : null;
        var leader = _s.Ranked.Length > 0 ? _s.Ranked[0] : null;
        var feedback = _s.Terms.Feedback;
        var showsRank = feedback is FeedbackMode.Rank or FeedbackMode.LeadRank or FeedbackMode.Ladder;
        var showsLead = feedback is FeedbackMode.Lead or FeedbackMode.LeadRank;
        var showsBest = feedback is FeedbackMode.BestPrice or FeedbackMode.Ladder;
        return _common with
        {
            Audience = Audience.Supplier,
            MyLabel = _s.Labels[supplierId],
            MyBest = mine?.Amount,
            MyScore = mine?.Score,
            MyCoefficient = _coefficients.GetValueOrDefault(supplierId, 1m),
            MyRank = showsRank && mine is not null ? index + 1 : null,
            Leading = showsLead ? LeadOf(mine, leader) : null,
            BestPrice = showsBest ? leader?.Amount : null,
            Ladder = feedback == FeedbackMode.Ladder ? AnonymousLadder() : null,
        };
    }

    private List<LadderEntry> AnonymousLadder() =>
        _anonymousLadder ??= _s.Ranked.Select(b => new LadderEntry(null, null, b.Label, b.Amount!.Value, b.Score!.Value, null, null, null)).ToList();

    private static LeadStatus LeadOf(BidderStanding? mine, BidderStanding? leader)
    {
        if (mine is null || leader is null)
        {
            return LeadStatus.NotLeading;
        }

        if (ReferenceEquals(mine, leader))
        {
            return LeadStatus.Leading;
        }

        return WeightedScore.Compare(mine.Amount!.Value, mine.Coefficient, leader.Amount!.Value, leader.Coefficient) == 0
            ? LeadStatus.Tied
            : LeadStatus.NotLeading;
    }
}
