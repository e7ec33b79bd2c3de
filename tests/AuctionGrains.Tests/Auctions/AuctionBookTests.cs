using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tests.Auctions;

public sealed class AuctionBookTests
{
    private static readonly DateTimeOffset During = AuctionTermsBuilder.T0.AddMinutes(10);

    [Fact]
    public void Ranked_EqualPrices_RankByAcceptedSequence()
    {
        var book = new AuctionTermsBuilder()
            .WithMinStep(StepKind.Amount, 1m, StepReference.Own)
            .WithBidder("acme", 990_000m)
            .WithBidder("bravo", 990_000m)
            .WithBidder("charlie", 995_000m)
            .Build()
            .OpenBook(During);

        book.Bid("charlie", 990_000m, During);

        Assert.Equal(["acme", "bravo", "charlie"], book.Ranked.Select(s => s.SupplierId));
        Assert.Equal(1, book.RankOf("acme"));
        Assert.Equal(2, book.RankOf("bravo"));
        Assert.Equal(3, book.RankOf("charlie"));
    }

    [Fact]
    public void Ranked_LaterTieThenImprovement_MovesAheadOnlyWhenStrictlyBetter()
    {
        var book = new AuctionTermsBuilder()
            .WithMinStep(StepKind.Amount, 1m, StepReference.Own)
            .WithBidder("acme", 990_000m)
            .WithBidder("bravo", 995_000m)
            .Build()
            .OpenBook(During);

        book.Bid("bravo", 990_000m, During);
        var afterTie = book.Leader!.SupplierId;
        book.Bid("bravo", 989_999m, During);

        Assert.Equal("acme", afterTie);
        Assert.Equal("bravo", book.Leader!.SupplierId);
    }

    [Fact]
    public void Ranked_WeightedCoefficients_RankByPriceOverK()
    {
        // 100.00 / 1.25 = 80 beats 90.00 / 1.00 = 90, although the price is higher.
        var book = new AuctionTermsBuilder()
            .WithCeiling(200m)
            .WithBidder("plain", 90m)
            .WithBidder("weighted", 100m, coefficient: 1.25m)
            .Build()
            .OpenBook(During);

        var ranked = book.Ranked;

        Assert.Equal(["weighted", "plain"], ranked.Select(s => s.SupplierId));
        Assert.Equal(80.00m, ranked[0].Score);
        Assert.Equal(90.00m, ranked[1].Score);
    }

    [Fact]
    public void Ranked_ExactlyEqualWeightedScores_TieAndRankBySequence()
    {
        // 125.00 / 1.25 and 100.00 / 1.00 are both exactly 100.
        var book = new AuctionTermsBuilder()
            .WithCeiling(200m)
            .WithMinStep(StepKind.Amount, 0.01m, StepReference.Own)
            .WithBidder("plain", 100m)
            .WithBidder("weighted", 150m, coefficient: 1.25m)
            .Build()
            .OpenBook(During);

        var decision = book.Bid("weighted", 125.00m, During);

        Assert.True(decision.IsAccepted, decision.Message);
        Assert.Equal(["plain", "weighted"], book.Ranked.Select(s => s.SupplierId));
        Assert.Equal(book.Ranked[0].Score, book.Ranked[1].Score);
    }

    [Fact]
    public void Ranked_WeightedScoresThatRoundAlikeButDiffer_RankExactly()
    {
        // 100.01 / 1.000001 < 100.01 / 1.0 although both display as 100.01: ranking never uses the rounded score.
        var book = new AuctionTermsBuilder()
            .WithCeiling(200m)
            .WithBidder("plain", 100.01m)
            .WithBidder("weighted", 100.01m, coefficient: 1.000001m)
            .Build()
            .OpenBook(During);

        var ranked = book.Ranked;

        Assert.Equal(["weighted", "plain"], ranked.Select(s => s.SupplierId));
        Assert.Equal(ranked[0].Score, ranked[1].Score);
    }

    [Fact]
    public void RankOf_BidderWithoutPrice_IsNull()
    {
        var book = new AuctionTermsBuilder().WithBidder("acme", 990_000m).WithBidder("bravo").Build().OpenBook(During);

        var rank = book.RankOf("bravo");

        Assert.Null(rank);
        Assert.Equal(2, book.ToSnapshot(During).BidderCount);
        Assert.Single(book.Ranked);
    }

    [Fact]
    public void Apply_AcceptedBids_CountsBidsAndRemembersBidIds()
    {
        var book = new AuctionTermsBuilder().WithBidder("acme", 990_000m).WithBidder("bravo").Build().OpenBook(During);
        var bidId = Guid.NewGuid();

        var decision = book.Bid("bravo", 980_000m, During, bidId: bidId);

        Assert.Equal(1, book.BidCount);
        Assert.True(book.TryGetAcceptedBid(bidId, out var accepted));
        Assert.Equal(new AcceptedBid("bravo", 980_000m, decision.Events[0].Sequence, During, 1), accepted);
        Assert.Equal(1, book.StandingOf("bravo")!.BidCount);
        Assert.Equal(0, book.StandingOf("acme")!.BidCount);
    }

    [Fact]
    public void Apply_EventOutOfSequence_Throws()
    {
        var book = new AuctionBook(new AuctionTermsBuilder().WithBidder("acme").WithBidder("bravo").Build());

        var apply = () => book.Apply(new AuctionOpened(2, During, During, During.AddMinutes(30)));

        Assert.Throws<InvalidOperationException>(apply);
        Assert.Equal(0, book.Sequence);
    }
}
