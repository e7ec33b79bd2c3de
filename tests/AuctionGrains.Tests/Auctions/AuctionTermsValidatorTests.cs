using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tests.Auctions;

public sealed class AuctionTermsValidatorTests
{
    private static readonly DateTimeOffset Now = AuctionTermsBuilder.T0.AddHours(-1);

    [Fact]
    public void Validate_ValidTerms_HasNoErrors()
    {
        var terms = Valid().WithSoftClose(120, 120, 10).WithMaxStepPercent(30m).Build();

        var errors = AuctionTermsValidator.Validate(terms, Now);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_StartInThePast_IsAllowed()
    {
        var terms = Valid().Running(Now.AddMinutes(-5), Now.AddMinutes(25)).Build();

        var errors = AuctionTermsValidator.Validate(terms, Now);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Validate_FewerThanTwoBidders_ReportsBidders(int bidders)
    {
        var builder = new AuctionTermsBuilder();
        for (var i = 0; i < bidders; i++)
        {
            builder.WithBidder($"supplier{i}", 990_000m);
        }

        var errors = AuctionTermsValidator.Validate(builder.Build(), Now);

        Assert.Equal(["bidders"], errors.Keys);
    }

    [Fact]
    public void Validate_DuplicateSupplier_ReportsTheSecondOccurrence()
    {
        var terms = Valid().WithBidder("acme", 980_000m).Build();

        var errors = AuctionTermsValidator.Validate(terms, Now);

        Assert.Equal(["bidders[2].supplierId"], errors.Keys);
    }

    [Fact]
    public void Validate_InitialPriceAboveCeiling_ReportsThatBiddersInitialPrice()
    {
        var terms = new AuctionTermsBuilder().WithBidder("acme", 990_000m).WithBidder("bravo", 1_000_000.01m).Build();

        var errors = AuctionTermsValidator.Validate(terms, Now);

        Assert.Equal(["bidders[1].initialPrice"], errors.Keys);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.99")]
    [InlineData("1.428572")]
    [InlineData("1.5")]
    [InlineData("1.1234567")]
    public void Validate_CoefficientOutOfRange_ReportsThatBiddersCoefficient(string coefficient)
    {
        var k = decimal.Parse(coefficient, System.Globalization.CultureInfo.InvariantCulture);
        var terms = new AuctionTermsBuilder().WithBidder("acme", 990_000m).WithBidder("bravo", 995_000m, k).Build();

        var errors = AuctionTermsValidator.Validate(terms, Now);

        Assert.Equal(["bidders[1].coefficient"], errors.Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-30)]
    public void Validate_EndsAtNotAfterStartsAt_ReportsEndsAt(int minutesAfterStart)
    {
        var start = Now.AddHours(1);
        var terms = Valid().Running(start, start.AddMinutes(minutesAfterStart)).Build();

        var errors = AuctionTermsValidator.Validate(terms, Now);

        Assert.Equal(["endsAt"], errors.Keys);
    }

    [Fact]
    public void Validate_EndsAtInThePast_ReportsEndsAt()
    {
        var terms = Valid().Running(Now.AddMinutes(-30), Now.AddMinutes(-1)).Build();

        var errors = AuctionTermsValidator.Validate(terms, Now);

        Assert.Equal(["endsAt"], errors.Keys);
    }

    [Theory]
    [InlineData("mxn")]
    [InlineData("MX")]
    [InlineData("PESO")]
    [InlineData("")]
    [InlineData("M1N")]
    public void Validate_BadCurrency_ReportsCurrency(string currency)
    {
        var terms = Valid().InCurrency(currency).Build();

        var errors = AuctionTermsValidator.Validate(terms, Now);

        Assert.Equal(["currency"], errors.Keys);
    }

    [Fact]
    public void Validate_NonPositiveOrFractionalCentCeiling_ReportsCeilingPrice()
    {
        var zero = new AuctionTermsBuilder().WithCeiling(0m).WithBidder("acme").WithBidder("bravo").WithMinStep(StepKind.Percent, 1m, StepReference.Own).Build();
        var fraction = new AuctionTermsBuilder().WithCeiling(1_000_000.001m).WithBidder("acme").WithBidder("bravo").Build();

        var zeroErrors = AuctionTermsValidator.Validate(zero, Now);
        var fractionErrors = AuctionTermsValidator.Validate(fraction, Now);

        Assert.Equal(["ceilingPrice"], zeroErrors.Keys);
        Assert.Equal(["ceilingPrice"], fractionErrors.Keys);
    }

    [Theory]
    [InlineData(StepKind.Amount, "0")]
    [InlineData(StepKind.Amount, "1000000")]
    [InlineData(StepKind.Amount, "0.001")]
    [InlineData(StepKind.Percent, "0")]
    [InlineData(StepKind.Percent, "100")]
    public void Validate_BadMinStep_ReportsMinStepValue(StepKind kind, string value)
    {
        var terms = Valid().WithMinStep(kind, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), StepReference.Own).Build();

        var errors = AuctionTermsValidator.Validate(terms, Now);

        Assert.Equal(["minStep.value"], errors.Keys);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    public void Validate_BadMaxStepPercent_ReportsMaxStepPercent(string percent)
    {
        var terms = Valid().WithMaxStepPercent(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)).Build();

        var errors = AuctionTermsValidator.Validate(terms, Now);

        Assert.Equal(["maxStepPercent"], errors.Keys);
    }

    [Fact]
    public void Validate_BadSoftClose_ReportsEachField()
    {
        var terms = Valid().WithSoftClose(windowSeconds: 0, extendSeconds: 3601, maxExtensions: -1).Build();

        var errors = AuctionTermsValidator.Validate(terms, Now);

        Assert.Equal(
            ["softClose.extendSeconds", "softClose.maxExtensions", "softClose.windowSeconds"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryField()
    {
        var terms = new AuctionTermsBuilder()
            .InCurrency("usd")
            .Titled(" ")
            .Running(Now.AddHours(2), Now.AddHours(1))
            .WithBidder("acme", 1_000_000.01m)
            .WithBidder("acme", 990_000m, coefficient: 3m)
            .Build();

        var errors = AuctionTermsValidator.Validate(terms, Now);

        Assert.Equal(
            ["bidders[0].initialPrice", "bidders[1].coefficient", "bidders[1].supplierId", "currency", "endsAt", "title"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("format")]
    [InlineData("tieRule")]
    [InlineData("feedback")]
    [InlineData("minStep.kind")]
    [InlineData("minStep.relativeTo")]
    [InlineData("softClose.trigger")]
    public void Validate_UndefinedEnumValue_ReportsThatField(string field)
    {
        // Enum members travel as numbers too: 99 must not become "no feedback" or "earlier wins" silently.
        var builder = Valid().WithSoftClose(120, 120, 10);
        var terms = builder.Build();
        terms = field switch
        {
            "format" => terms with { Format = (AuctionFormat)99 },
            "tieRule" => terms with { TieRule = (TieRule)99 },
            "feedback" => terms with { Feedback = (FeedbackMode)99 },
            "minStep.kind" => terms with { MinStep = terms.MinStep with { Kind = (StepKind)99 } },
            "minStep.relativeTo" => terms with { MinStep = terms.MinStep with { RelativeTo = (StepReference)99 } },
            _ => terms with { SoftClose = terms.SoftClose! with { Trigger = (ExtensionTrigger)99 } },
        };

        var errors = AuctionTermsValidator.Validate(terms, Now);

        Assert.Contains(field, errors.Keys);
    }

    private static AuctionTermsBuilder Valid() =>
        new AuctionTermsBuilder().WithBidder("acme", 990_000m).WithBidder("bravo", 995_000m, 1.25m);
}
