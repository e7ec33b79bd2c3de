using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tests.Auctions;

public sealed class AuctionRulesTests
{
    private static readonly DateTimeOffset T0 = AuctionTermsBuilder.T0;
    private static readonly DateTimeOffset EndsAt = T0.AddMinutes(30);
    private static readonly DateTimeOffset During = T0.AddMinutes(10);

    public static TheoryData<decimal> NonPositiveAmounts => new() { 0m, -0.01m, -950_000m };

    public static TheoryData<StepKind, StepReference, decimal, decimal> StepBoundaries => new()
    {
        // acme's own bid is 990,000.00; bravo leads at 980,000.00; steps are 1,000.00 or 1%.
        { StepKind.Amount, StepReference.Own, 989_000.01m, 989_000.00m },
        { StepKind.Percent, StepReference.Own, 980_100.01m, 980_100.00m },
        { StepKind.Amount, StepReference.Leader, 979_000.01m, 979_000.00m },
        { StepKind.Percent, StepReference.Leader, 970_200.01m, 970_200.00m },
    };

    [Fact]
    public void Evaluate_EmptyBidId_RefusedInvalid()
    {
        var book = Terms().Build().OpenBook(During);

        var decision = AuctionRules.Evaluate(book, new PlaceBid("acme", 980_000m, Guid.Empty, false), During, sanctioned: false);

        Assert.Equal(RefusalCodes.Invalid, decision.RefusalCode);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Evaluate_AmountWithThreeDecimals_RefusedInvalid()
    {
        var book = Terms().Build().OpenBook(During);

        var decision = book.Bid("acme", 980_000.001m, During);

        Assert.Equal(RefusalCodes.Invalid, decision.RefusalCode);
    }

    [Fact]
    public void Evaluate_SupplierNotInvited_RefusedNotEligible()
    {
        var book = Terms().Build().OpenBook(During);

        var decision = book.Bid("intruder", 980_000m, During);

        Assert.Equal(RefusalCodes.NotEligible, decision.RefusalCode);
    }

    [Fact]
    public void Evaluate_SanctionedSupplier_RefusedSanctioned()
    {
        var book = Terms().Build().OpenBook(During);

        var decision = book.Bid("acme", 980_000m, During, sanctioned: true);

        Assert.Equal(RefusalCodes.Sanctioned, decision.RefusalCode);
    }

    [Fact]
    public void Evaluate_BeforeStart_RefusedNotOpen()
    {
        var before = T0.AddSeconds(-1);
        var book = Terms().Build().OpenBook(before);

        var decision = book.Bid("acme", 980_000m, before);

        Assert.Equal(RefusalCodes.NotOpen, decision.RefusalCode);
        Assert.False(book.Opened);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(TimeSpan.TicksPerHour)]
    public void Evaluate_AtOrAfterEndsAt_RefusedClosed(long ticksAfterEndsAt)
    {
        var book = Terms().Build().OpenBook(During);

        var decision = book.Bid("acme", 980_000m, EndsAt.AddTicks(ticksAfterEndsAt));

        Assert.Equal(RefusalCodes.Closed, decision.RefusalCode);
    }

    [Fact]
    public void Evaluate_OneTickBeforeEndsAt_Accepted()
    {
        var book = Terms().Build().OpenBook(During);

        var decision = book.Bid("acme", 980_000m, EndsAt.AddTicks(-1));

        Assert.True(decision.IsAccepted, decision.Message);
        Assert.Equal(980_000m, book.StandingOf("acme")!.Amount);
    }

    [Theory]
    [MemberData(nameof(NonPositiveAmounts))]
    public void Evaluate_NonPositiveAmount_RefusedNotPositive(decimal amount)
    {
        var book = Terms().Build().OpenBook(During);

        var decision = book.Bid("acme", amount, During);

        Assert.Equal(RefusalCodes.NotPositive, decision.RefusalCode);
    }

    [Fact]
    public void Evaluate_AmountAboveCeiling_RefusedAboveCeiling()
    {
        var book = new AuctionTermsBuilder().WithBidder("acme").WithBidder("bravo").Build().OpenBook(During);

        var decision = book.Bid("acme", 1_000_000.01m, During);

        Assert.Equal(RefusalCodes.AboveCeiling, decision.RefusalCode);
    }

    [Fact]
    public void Evaluate_AmountAtCeilingWithoutPreviousOffer_Accepted()
    {
        var book = new AuctionTermsBuilder().WithBidder("acme").WithBidder("bravo").Build().OpenBook(During);

        var decision = book.Bid("acme", 1_000_000.00m, During);

        Assert.True(decision.IsAccepted, decision.Message);
    }

    [Theory]
    [MemberData(nameof(StepBoundaries))]
    public void Evaluate_StepJustTooSmall_RefusedStepTooSmall(StepKind kind, StepReference relativeTo, decimal tooSmall, decimal justEnough)
    {
        var book = LeaderAndFollower(kind, relativeTo);

        var decision = book.Bid("acme", tooSmall, During);

        Assert.Equal(RefusalCodes.StepTooSmall, decision.RefusalCode);
        Assert.True(tooSmall > justEnough);
        Assert.Equal(990_000m, book.StandingOf("acme")!.Amount);
    }

    [Theory]
    [MemberData(nameof(StepBoundaries))]
    public void Evaluate_StepExactlyMet_Accepted(StepKind kind, StepReference relativeTo, decimal tooSmall, decimal justEnough)
    {
        var book = LeaderAndFollower(kind, relativeTo);

        var decision = book.Bid("acme", justEnough, During);

        Assert.True(decision.IsAccepted, decision.Message);
        Assert.True(tooSmall > justEnough);
        Assert.Equal(justEnough, book.StandingOf("acme")!.Amount);
    }

    [Theory]
    [InlineData(StepReference.Own, "990000.00")]
    [InlineData(StepReference.Own, "990000.01")]
    [InlineData(StepReference.Leader, "990000.00")]
    [InlineData(StepReference.Leader, "999999.99")]
    public void Evaluate_BidThatRepeatsOrRaisesOwn_RefusedStepTooSmall(StepReference relativeTo, string amount)
    {
        var book = LeaderAndFollower(StepKind.Amount, relativeTo);

        var decision = book.Bid("acme", decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), During);

        Assert.Equal(RefusalCodes.StepTooSmall, decision.RefusalCode);
    }

    [Fact]
    public void Evaluate_TieWithLeaderUnderMustBeat_RefusedTieNotAllowed()
    {
        var book = Terms().WithTieRule(TieRule.MustBeat).WithMinStep(StepKind.Amount, 1m, StepReference.Own).Build().OpenBook(During);

        var decision = book.Bid("acme", 980_000m, During);

        Assert.Equal(RefusalCodes.TieNotAllowed, decision.RefusalCode);
    }

    [Fact]
    public void Evaluate_WeightedTieWithLeaderUnderMustBeat_RefusedTieNotAllowed()
    {
        var book = new AuctionTermsBuilder()
            .WithCeiling(200m)
            .WithMinStep(StepKind.Amount, 0.01m, StepReference.Own)
            .WithTieRule(TieRule.MustBeat)
            .WithBidder("acme", 150m, coefficient: 1.25m)
            .WithBidder("bravo", 100m)
            .Build()
            .OpenBook(During);

        var decision = book.Bid("acme", 125m, During);

        Assert.Equal(RefusalCodes.TieNotAllowed, decision.RefusalCode);
    }

    [Fact]
    public void Evaluate_TieWithLeaderUnderEarlierWins_AcceptedAndRankedSecond()
    {
        var book = Terms().WithMinStep(StepKind.Amount, 1m, StepReference.Own).Build().OpenBook(During);

        var decision = book.Bid("acme", 980_000m, During);

        Assert.True(decision.IsAccepted, decision.Message);
        Assert.Equal("bravo", book.Leader!.SupplierId);
        Assert.Equal(2, book.RankOf("acme"));
    }

    [Fact]
    public void Evaluate_StepTooLargeWithoutConfirm_RefusedStepTooLarge()
    {
        // acme may bid at most 989,000.00; 30% below that is 692,300.00.
        var book = Terms().WithMaxStepPercent(30m).Build().OpenBook(During);

        var decision = book.Bid("acme", 692_299.99m, During);

        Assert.Equal(RefusalCodes.StepTooLarge, decision.RefusalCode);
    }

    [Fact]
    public void Evaluate_StepTooLargeWithConfirm_Accepted()
    {
        var book = Terms().WithMaxStepPercent(30m).Build().OpenBook(During);

        var decision = book.Bid("acme", 692_299.99m, During, confirm: true);

        Assert.True(decision.IsAccepted, decision.Message);
        Assert.Equal(692_299.99m, book.StandingOf("acme")!.Amount);
    }

    [Fact]
    public void Evaluate_StepExactlyAtTheGuard_AcceptedWithoutConfirm()
    {
        var book = Terms().WithMaxStepPercent(30m).Build().OpenBook(During);

        var decision = book.Bid("acme", 692_300.00m, During);

        Assert.True(decision.IsAccepted, decision.Message);
    }

    [Fact]
    public void Evaluate_AcceptedBid_GetsNextSequenceAndServerTime()
    {
        var book = Terms().Build().OpenBook(During);
        var sequenceBefore = book.Sequence;

        var decision = book.Bid("acme", 985_000m, During);

        var accepted = Assert.IsType<BidAccepted>(Assert.Single(decision.Events));
        Assert.Equal(sequenceBefore + 1, accepted.Sequence);
        Assert.Equal(During, accepted.At);
        Assert.Equal("acme", accepted.SupplierId);
        Assert.False(accepted.Surrogate);
    }

    [Fact]
    public void Evaluate_LeaderRelativeStepUnderWeighting_IsMeasuredInScore()
    {
        // bravo leads with a score of 100 (125.00 / 1.25); acme (K = 1) must reach a score of 99 or less.
        var book = new AuctionTermsBuilder()
            .WithCeiling(200m)
            .WithMinStep(StepKind.Amount, 1m, StepReference.Leader)
            .WithBidder("acme", 150m)
            .WithBidder("bravo", 125m, coefficient: 1.25m)
            .Build()
            .OpenBook(During);

        var tooSmall = book.Bid("acme", 99.01m, During);
        var enough = book.Bid("acme", 99.00m, During);

        Assert.Equal(RefusalCodes.StepTooSmall, tooSmall.RefusalCode);
        Assert.True(enough.IsAccepted, enough.Message);
        Assert.Equal("acme", book.Leader!.SupplierId);
    }

    [Fact]
    public void Evaluate_LeaderRelativeStepForWeightedBidder_AllowsAmountAboveLeaderPrice()
    {
        // bravo leads at 100.00 (K = 1); acme (K = 1.25) needs a score of 99: an amount up to 123.75, or 90: 112.50 for 10%.
        var amountBook = WeightedChallenger(StepKind.Amount, 1m);
        var percentBook = WeightedChallenger(StepKind.Percent, 10m);

        var amountTooSmall = amountBook.Bid("acme", 123.76m, During);
        var amountEnough = amountBook.Bid("acme", 123.75m, During);
        var percentTooSmall = percentBook.Bid("acme", 112.51m, During);
        var percentEnough = percentBook.Bid("acme", 112.50m, During);

        Assert.Equal(RefusalCodes.StepTooSmall, amountTooSmall.RefusalCode);
        Assert.True(amountEnough.IsAccepted, amountEnough.Message);
        Assert.Equal(RefusalCodes.StepTooSmall, percentTooSmall.RefusalCode);
        Assert.True(percentEnough.IsAccepted, percentEnough.Message);
        Assert.Equal("acme", amountBook.Leader!.SupplierId);
    }

    [Theory]
    [InlineData(120)]
    [InlineData(60)]
    [InlineData(1)]
    public void Evaluate_LeaderImprovingBidInsideWindow_ExtendsToNowPlusExtendSeconds(int secondsBeforeClose)
    {
        var book = Terms().WithSoftClose(windowSeconds: 120, extendSeconds: 180, maxExtensions: 5).Build().OpenBook(During);
        var now = EndsAt.AddSeconds(-secondsBeforeClose);

        var decision = book.Bid("acme", 970_000m, now);

        Assert.True(decision.IsAccepted, decision.Message);
        var extended = Assert.IsType<AuctionExtended>(decision.Events[1]);
        Assert.Equal(now.AddSeconds(180), book.EndsAt);
        Assert.Equal(EndsAt, extended.PreviousEndsAt);
        Assert.Equal(now.AddSeconds(180), extended.EndsAt);
        Assert.Equal(1, extended.Extension);
        Assert.Equal(decision.Events[0].Sequence, extended.TriggeredBy);
        Assert.Equal(decision.Events[0].Sequence + 1, extended.Sequence);
        Assert.Equal(1, book.Extensions);
    }

    [Fact]
    public void Evaluate_LeaderImprovingBidOutsideWindow_DoesNotExtend()
    {
        var book = Terms().WithSoftClose(windowSeconds: 120, extendSeconds: 180, maxExtensions: 5).Build().OpenBook(During);

        var decision = book.Bid("acme", 970_000m, EndsAt.AddSeconds(-121));

        Assert.True(decision.IsAccepted, decision.Message);
        Assert.Single(decision.Events);
        Assert.Equal(EndsAt, book.EndsAt);
        Assert.Equal(0, book.Extensions);
    }

    [Fact]
    public void Evaluate_RefusedBidInsideWindow_NeverExtends()
    {
        var book = Terms().WithSoftClose(windowSeconds: 120, extendSeconds: 180, maxExtensions: 5).Build().OpenBook(During);

        var decision = book.Bid("acme", 989_999.99m, EndsAt.AddSeconds(-30));

        Assert.Equal(RefusalCodes.StepTooSmall, decision.RefusalCode);
        Assert.Empty(decision.Events);
        Assert.Equal(EndsAt, book.EndsAt);
    }

    [Theory]
    [InlineData(ExtensionTrigger.Rank, true)]
    [InlineData(ExtensionTrigger.Leader, false)]
    public void Evaluate_BidThatOnlyImprovesItsRankInsideWindow_ExtendsOnlyUnderRankTrigger(ExtensionTrigger trigger, bool extends)
    {
        // bravo 980,000 leads, charlie 985,000 second, acme 990,000 third; acme's 984,000 takes second place, not the lead.
        var book = Terms()
            .WithBidder("charlie", 985_000m)
            .WithSoftClose(windowSeconds: 120, extendSeconds: 180, maxExtensions: 5, trigger)
            .Build()
            .OpenBook(During);
        var now = EndsAt.AddSeconds(-30);

        var decision = book.Bid("acme", 984_000m, now);

        Assert.True(decision.IsAccepted, decision.Message);
        Assert.Equal(2, book.RankOf("acme"));
        Assert.Equal(extends, decision.Events.OfType<AuctionExtended>().Any());
        Assert.Equal(extends ? now.AddSeconds(180) : EndsAt, book.EndsAt);
    }

    [Fact]
    public void Evaluate_BidThatKeepsItsRankInsideWindowUnderRankTrigger_DoesNotExtend()
    {
        var book = Terms()
            .WithBidder("charlie", 985_000m)
            .WithSoftClose(windowSeconds: 120, extendSeconds: 180, maxExtensions: 5, ExtensionTrigger.Rank)
            .Build()
            .OpenBook(During);

        var decision = book.Bid("acme", 988_000m, EndsAt.AddSeconds(-30));

        Assert.True(decision.IsAccepted, decision.Message);
        Assert.Equal(3, book.RankOf("acme"));
        Assert.Empty(decision.Events.OfType<AuctionExtended>());
        Assert.Equal(EndsAt, book.EndsAt);
    }

    [Fact]
    public void Evaluate_MoreTriggeringBidsThanMaxExtensions_ExtendsOnlyUpToTheCap()
    {
        var book = Terms().WithSoftClose(windowSeconds: 120, extendSeconds: 60, maxExtensions: 2).Build().OpenBook(During);
        var first = EndsAt.AddSeconds(-10);

        var one = book.Bid("acme", 970_000m, first);
        var two = book.Bid("bravo", 960_000m, first.AddSeconds(30));
        var three = book.Bid("acme", 950_000m, first.AddSeconds(60));

        Assert.Single(one.Events.OfType<AuctionExtended>());
        Assert.Single(two.Events.OfType<AuctionExtended>());
        Assert.True(three.IsAccepted, three.Message);
        Assert.Empty(three.Events.OfType<AuctionExtended>());
        Assert.Equal(2, book.Extensions);
        Assert.Equal(first.AddSeconds(30 + 60), book.EndsAt);
    }

    [Fact]
    public void Evaluate_ExtendSecondsShorterThanTimeLeft_NeverShortensTheClose()
    {
        // Window 15 minutes, reset 2 minutes (the GE practice in auction-rules.md): 10 minutes before the close, now + 2 min is earlier.
        var book = Terms().WithSoftClose(windowSeconds: 900, extendSeconds: 120, maxExtensions: 5).Build().OpenBook(During);

        var decision = book.Bid("acme", 970_000m, EndsAt.AddMinutes(-10));

        Assert.True(decision.IsAccepted, decision.Message);
        Assert.Equal(EndsAt, book.EndsAt);
    }

    [Fact]
    public void Evaluate_BidEarlyInLongWindowThatCannotMoveTheClose_DoesNotUseUpAnExtension()
    {
        // With maxExtensions 1, a bid 10 minutes before the close moves nothing (now + 2 min < close); the sniper's
        // bid 30 s before the close must still get its extension to now + 2 min.
        var book = Terms().WithSoftClose(windowSeconds: 900, extendSeconds: 120, maxExtensions: 1).Build().OpenBook(During);
        var snipe = EndsAt.AddSeconds(-30);

        var early = book.Bid("acme", 970_000m, EndsAt.AddMinutes(-10));
        var late = book.Bid("bravo", 960_000m, snipe);

        Assert.True(early.IsAccepted, early.Message);
        Assert.True(late.IsAccepted, late.Message);
        Assert.Equal(snipe.AddSeconds(120), book.EndsAt);
        Assert.Empty(early.Events.OfType<AuctionExtended>());
    }

    [Fact]
    public void Advance_FromScheduledThroughClose_OpensThenClosesExactlyOnce()
    {
        var terms = Terms().Build();
        var book = terms.OpenBook(T0.AddSeconds(-1));

        var beforeStart = AuctionRules.Advance(book, T0.AddTicks(-1));
        var atStart = AuctionRules.Advance(book, T0);
        book.ApplyAll(atStart);
        var whileOpen = AuctionRules.Advance(book, During);
        var atClose = AuctionRules.Advance(book, EndsAt);
        book.ApplyAll(atClose);
        var afterClose = AuctionRules.Advance(book, EndsAt.AddHours(1));

        Assert.Empty(beforeStart);
        var opened = Assert.IsType<AuctionOpened>(Assert.Single(atStart));
        Assert.Equal(T0, opened.ScheduledAt);
        Assert.Equal(EndsAt, opened.EndsAt);
        Assert.Empty(whileOpen);
        var closed = Assert.IsType<AuctionClosed>(Assert.Single(atClose));
        Assert.Equal(EndsAt, closed.ScheduledAt);
        Assert.Equal(opened.Sequence + 1, closed.Sequence);
        Assert.Empty(afterClose);
        Assert.True(book.Closed);
        Assert.Equal(EndsAt, book.ClosedAt);
    }

    [Fact]
    public void Advance_PastBothStartAndClose_OpensThenClosesInOrder()
    {
        var book = new AuctionBook(Terms().Build());

        var events = AuctionRules.Advance(book, EndsAt.AddMinutes(5));

        Assert.Collection(
            events,
            e => Assert.Equal((AuctionOpened.TypeName, 1L), (e.Type, e.Sequence)),
            e => Assert.Equal((AuctionClosed.TypeName, 2L), (e.Type, e.Sequence)));
    }

    [Fact]
    public void Advance_AfterRefusals_ClosedEventCarriesTheRefusalCounts()
    {
        var book = Terms().Build().OpenBook(During);
        book.CountRefusal(RefusalCodes.StepTooSmall);
        book.CountRefusal(RefusalCodes.StepTooSmall);
        book.CountRefusal(RefusalCodes.Closed);

        var closed = Assert.IsType<AuctionClosed>(Assert.Single(AuctionRules.Advance(book, EndsAt)));

        Assert.Equal(2, closed.RefusalCounts[RefusalCodes.StepTooSmall]);
        Assert.Equal(1, closed.RefusalCounts[RefusalCodes.Closed]);
    }

    [Fact]
    public void Genesis_BiddersWithAndWithoutInitialPrice_RecordsOnlyTheOffersInInvitationOrder()
    {
        var terms = new AuctionTermsBuilder().WithBidder("acme", 990_000m).WithBidder("bravo").WithBidder("charlie", 995_000m).Build();

        var events = AuctionRules.Genesis(terms, T0);

        Assert.Collection(
            events,
            e => Assert.Equal(new InitialOfferRecorded(1, T0, "acme", 990_000m), e),
            e => Assert.Equal(new InitialOfferRecorded(2, T0, "charlie", 995_000m), e));
    }

    /// <summary>acme at 990,000.00 and bravo leading at 980,000.00.</summary>
    private static AuctionTermsBuilder Terms() =>
        new AuctionTermsBuilder().WithBidder("acme", 990_000m).WithBidder("bravo", 980_000m);

    private static AuctionBook LeaderAndFollower(StepKind kind, StepReference relativeTo) =>
        Terms().WithMinStep(kind, kind == StepKind.Amount ? 1_000m : 1m, relativeTo).Build().OpenBook(During);

    private static AuctionBook WeightedChallenger(StepKind kind, decimal value) =>
        new AuctionTermsBuilder()
            .WithCeiling(200m)
            .WithMinStep(kind, value, StepReference.Leader)
            .WithBidder("acme", null, coefficient: 1.25m)
            .WithBidder("bravo", 100m)
            .Build()
            .OpenBook(During);
}
