using System.Text.Json;
using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tests.Auctions;

public sealed class AuctionViewsTests
{
    private static readonly DateTimeOffset During = AuctionTermsBuilder.T0.AddMinutes(10);
    private static readonly DateTimeOffset EndsAt = AuctionTermsBuilder.T0.AddMinutes(30);

    // Distinctive ids, so a search of the serialized view finds them only where they really are.
    private static readonly string[] Suppliers = ["ALFA-FARMA", "BETA-MEDICA", "GAMA-SALUD", "DELTA-SIN-PRECIO"];

    public static TheoryData<FeedbackMode> EveryFeedbackMode => new()
    {
        FeedbackMode.Rank, FeedbackMode.Lead, FeedbackMode.LeadRank, FeedbackMode.BestPrice, FeedbackMode.Ladder,
    };

    [Theory]
    [InlineData(FeedbackMode.Rank, true, false, false, false)]
    [InlineData(FeedbackMode.Lead, false, true, false, false)]
    [InlineData(FeedbackMode.LeadRank, true, true, false, false)]
    [InlineData(FeedbackMode.BestPrice, false, false, true, false)]
    [InlineData(FeedbackMode.Ladder, true, false, true, true)]
    public void For_SupplierDuringAuction_HasExactlyTheFieldsOfTheFeedbackMode(FeedbackMode mode, bool rank, bool lead, bool bestPrice, bool ladder)
    {
        var snapshot = Running(mode).ToSnapshot(During);

        var view = AuctionViews.For(snapshot, Viewer.Supplier("BETA-MEDICA"));

        Assert.Equal(Audience.Supplier, view.Audience);
        Assert.Equal(970_000m, view.MyBest);
        Assert.NotNull(view.MyLabel);
        Assert.Equal(rank, view.MyRank is not null);
        Assert.Equal(lead, view.Leading is not null);
        Assert.Equal(bestPrice, view.BestPrice is not null);
        Assert.Equal(ladder, view.Ladder is not null);
        Assert.Null(view.Ranking);
        Assert.Null(view.LatestBids);
        Assert.Null(view.RefusalCounts);
    }

    [Fact]
    public void For_SupplierUnderLeadRank_ShowsItsOwnRankAndLead()
    {
        var snapshot = Running(FeedbackMode.LeadRank).ToSnapshot(During);

        var leader = AuctionViews.For(snapshot, Viewer.Supplier("BETA-MEDICA"));
        var third = AuctionViews.For(snapshot, Viewer.Supplier("GAMA-SALUD"));

        Assert.Equal((1, LeadStatus.Leading), (leader.MyRank, leader.Leading));
        Assert.Equal((3, LeadStatus.NotLeading), (third.MyRank, third.Leading));
    }

    [Fact]
    public void For_SupplierUnderBestPrice_ShowsTheLeadingPrice()
    {
        var snapshot = Running(FeedbackMode.BestPrice).ToSnapshot(During);

        var view = AuctionViews.For(snapshot, Viewer.Supplier("GAMA-SALUD"));

        Assert.Equal(970_000m, view.BestPrice);
        Assert.Equal(990_000m, view.MyBest);
    }

    [Fact]
    public void For_SupplierUnderLadder_SeesLabelsAmountsAndScoresButNoIdentity()
    {
        var book = Running(FeedbackMode.Ladder);
        var snapshot = book.ToSnapshot(During);

        var view = AuctionViews.For(snapshot, Viewer.Supplier("ALFA-FARMA"));

        Assert.Equal(
            [(book.Labels["BETA-MEDICA"], 970_000m), (book.Labels["ALFA-FARMA"], 980_000m), (book.Labels["GAMA-SALUD"], 990_000m)],
            view.Ladder!.Select(e => (e.Label, e.Amount)));
        Assert.All(view.Ladder!, e => Assert.Null(e.SupplierId));
        Assert.All(view.Ladder!, e => Assert.Equal((null, null, null, (decimal?)null), (e.At, e.Sequence, e.Rank, e.Coefficient)));
        Assert.Equal(book.Labels["ALFA-FARMA"], view.MyLabel);
        Assert.Equal(2, view.MyRank);
    }

    [Fact]
    public void For_SupplierUnderLead_DistinguishesLeadingTiedAndNotLeading()
    {
        var book = new AuctionTermsBuilder()
            .WithFeedback(FeedbackMode.Lead)
            .WithMinStep(StepKind.Amount, 1m, StepReference.Own)
            .WithBidder("ALFA-FARMA", 990_000m)
            .WithBidder("BETA-MEDICA", 980_000m)
            .WithBidder("GAMA-SALUD", 995_000m)
            .WithBidder("DELTA-SIN-PRECIO")
            .Build()
            .OpenBook(During);
        book.Bid("ALFA-FARMA", 980_000m, During);
        var snapshot = book.ToSnapshot(During);

        var leading = AuctionViews.For(snapshot, Viewer.Supplier("BETA-MEDICA")).Leading;
        var tied = AuctionViews.For(snapshot, Viewer.Supplier("ALFA-FARMA")).Leading;
        var notLeading = AuctionViews.For(snapshot, Viewer.Supplier("GAMA-SALUD")).Leading;
        var withoutPrice = AuctionViews.For(snapshot, Viewer.Supplier("DELTA-SIN-PRECIO")).Leading;

        Assert.Equal(LeadStatus.Leading, leading);
        Assert.Equal(LeadStatus.Tied, tied);
        Assert.Equal(LeadStatus.NotLeading, notLeading);
        Assert.Equal(LeadStatus.NotLeading, withoutPrice);
    }

    [Theory]
    [MemberData(nameof(EveryFeedbackMode))]
    public void For_SupplierBeforeClose_NeverContainsAnotherBiddersId(FeedbackMode mode)
    {
        var book = Running(mode);
        var snapshots = new[] { book.ToSnapshot(During), book.ToSnapshot(EndsAt.AddMinutes(1)) };

        var leaks =
            from snapshot in snapshots
            from viewer in Suppliers
            let json = JsonSerializer.Serialize(AuctionViews.For(snapshot, Viewer.Supplier(viewer)))
            from other in Suppliers
            where other != viewer && json.Contains(other, StringComparison.Ordinal)
            select $"{viewer} sees {other} at {snapshot.TakenAt:O}";

        Assert.Empty(leaks);
    }

    [Theory]
    [MemberData(nameof(EveryFeedbackMode))]
    public void For_PublicBeforeClose_HasOnlyCommonFieldsAndBidCount(FeedbackMode mode)
    {
        var snapshot = Running(mode).ToSnapshot(During);

        var view = AuctionViews.For(snapshot, Viewer.Public);
        var json = JsonSerializer.Serialize(view);

        Assert.Equal(Audience.Public, view.Audience);
        Assert.Equal(3, view.BidCount);
        Assert.Equal(AuctionStatus.Open, view.Status);
        Assert.Equal(4, view.BidderCount);
        Assert.Equal(
            (null, null, null, null, null, null, null, null, null, null, null),
            (view.MyBest, view.MyRank, view.Leading, view.BestPrice, view.MyLabel, view.MyScore, view.MyCoefficient,
                view.Ladder, view.LatestBids, view.RefusalCounts, view.Ranking));
        Assert.DoesNotContain(Suppliers, id => json.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public void For_UninvitedSupplier_GetsThePublicView()
    {
        var snapshot = Running(FeedbackMode.Ladder).ToSnapshot(During);

        var view = AuctionViews.For(snapshot, Viewer.Supplier("INTRUSO"));

        Assert.Equal(AuctionViews.For(snapshot, Viewer.Public), view);
    }

    [Fact]
    public void For_Officer_SeesTheFullLadderWithIds()
    {
        var book = Running(FeedbackMode.Rank);
        book.CountRefusal(RefusalCodes.StepTooSmall);
        var snapshot = book.ToSnapshot(During);

        var view = AuctionViews.For(snapshot, Viewer.Officer);

        Assert.Equal(Audience.Officer, view.Audience);
        Assert.Equal(
            [(1, "BETA-MEDICA", 970_000m), (2, "ALFA-FARMA", 980_000m), (3, "GAMA-SALUD", 990_000m)],
            view.Ladder!.Select(e => (e.Rank!.Value, e.SupplierId!, e.Amount)));
        Assert.All(view.Ladder!, e => Assert.NotNull(e.At));
        Assert.All(view.Ladder!, e => Assert.NotNull(e.Sequence));
        Assert.Equal(3, view.BidCount);
        Assert.Equal(3, view.LatestBids!.Count);
        Assert.Equal(1, view.RefusalCounts![RefusalCodes.StepTooSmall]);
        Assert.Null(view.Ranking);
    }

    [Theory]
    [MemberData(nameof(EveryFeedbackMode))]
    public void For_EveryViewerAfterClose_HasTheFinalRankingWithIds(FeedbackMode mode)
    {
        var book = Running(mode);
        book.ApplyAll(AuctionRules.Advance(book, EndsAt));
        var snapshot = book.ToSnapshot(EndsAt);
        Viewer[] viewers = [Viewer.Public, Viewer.Officer, .. Suppliers.Select(Viewer.Supplier)];

        var rankings = viewers.Select(v => AuctionViews.For(snapshot, v)).ToList();

        Assert.All(rankings, view => Assert.Equal(AuctionStatus.Closed, view.Status));
        Assert.All(rankings, view => Assert.Equal(
            [new RankingEntry(1, "BETA-MEDICA", 970_000m, 970_000m), new RankingEntry(2, "ALFA-FARMA", 980_000m, 980_000m), new RankingEntry(3, "GAMA-SALUD", 990_000m, 990_000m)],
            view.Ranking!));
    }

    [Fact]
    public void For_AfterEndsAtButBeforeTheCloseIsJournaled_RevealsNoRanking()
    {
        var snapshot = Running(FeedbackMode.Ladder).ToSnapshot(EndsAt.AddSeconds(5));

        var view = AuctionViews.For(snapshot, Viewer.Public);

        Assert.Equal(AuctionStatus.Closed, view.Status);
        Assert.Null(view.Ranking);
    }

    [Fact]
    public void ForEveryone_OneSnapshot_GivesEachInvitedBidderItsOwnView()
    {
        var snapshot = Running(FeedbackMode.LeadRank).ToSnapshot(During);

        var broadcast = AuctionViews.ForEveryone(snapshot);

        Assert.Equal(Suppliers, broadcast.Suppliers.Select(p => p.Key));
        Assert.All(broadcast.Suppliers, p => Assert.Equal(AuctionViews.For(snapshot, Viewer.Supplier(p.Key)), p.Value));
        Assert.Equal(AuctionViews.For(snapshot, Viewer.Officer), broadcast.Officer);
        Assert.Equal(AuctionViews.For(snapshot, Viewer.Public), broadcast.Public);
        Assert.False(broadcast.Closed);
    }

    [Fact]
    public void Labels_TwoBooksFromTheSameTerms_AreTheSame()
    {
        var terms = Terms(FeedbackMode.Ladder, Suppliers).Build();

        var first = new AuctionBook(terms).Labels;
        var second = new AuctionBook(terms).Labels;

        Assert.Equal(first.OrderBy(p => p.Key), second.OrderBy(p => p.Key));
        Assert.Equal(Enumerable.Range(1, Suppliers.Length).Select(i => $"Bidder {i}"), first.Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Labels_InvitationOrderReversed_StayTheSame()
    {
        var invited = Enumerable.Range(1, 8).Select(i => $"proveedor-{i}").ToArray();

        var inOrder = new AuctionBook(Terms(FeedbackMode.Ladder, invited).Build()).Labels;
        var reversed = new AuctionBook(Terms(FeedbackMode.Ladder, [.. invited.Reverse()]).Build()).Labels;

        Assert.Equal(inOrder.OrderBy(p => p.Key), reversed.OrderBy(p => p.Key));
        Assert.NotEqual(invited.Select((id, i) => $"Bidder {i + 1}"), invited.Select(id => inOrder[id]));
    }

    /// <summary>BETA-MEDICA leads at 970,000, ALFA-FARMA 980,000, GAMA-SALUD 990,000; DELTA-SIN-PRECIO has no price. Three bids.</summary>
    private static AuctionBook Running(FeedbackMode mode)
    {
        var book = Terms(mode, Suppliers).Build().OpenBook(During);
        book.Bid("ALFA-FARMA", 980_000m, During);
        book.Bid("BETA-MEDICA", 970_000m, During);
        book.Bid("GAMA-SALUD", 990_000m, During);
        return book;
    }

    private static AuctionTermsBuilder Terms(FeedbackMode mode, IEnumerable<string> suppliers) =>
        new AuctionTermsBuilder()
            .WithFeedback(mode)
            .WithBidders(suppliers.Select(id => new InvitedBidder(id, null, 1m)));
}
