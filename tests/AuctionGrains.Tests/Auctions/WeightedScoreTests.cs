using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tests.Auctions;

public sealed class WeightedScoreTests
{
    [Theory]
    [InlineData(new[] { 0.10, 0.05 }, new[] { 0.15, 0.10 }, "1.2")]
    [InlineData(new[] { 0.0 }, new[] { 0.20 }, "1")]
    [InlineData(new[] { 0.30 }, new[] { 0.30 }, "1.4285714285714285714285714286")]
    public void Coefficient_FeatureValuesAndMaxima_IsOnePlusValuesOverOneMinusMaxima(double[] values, double[] maxima, string expected)
    {
        var k = WeightedScore.Coefficient(values.Select(v => (decimal)v), maxima.Select(m => (decimal)m));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), k);
    }

    [Fact]
    public void Coefficient_MaximaAboveThirtyPercent_Throws()
    {
        Func<decimal> compute = () => WeightedScore.Coefficient([0.1m], [0.2m, 0.11m]);

        Assert.Throws<ArgumentOutOfRangeException>(() => compute());
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("1.25", true)]
    [InlineData("1.428571", true)]
    [InlineData("1.428572", false)]
    [InlineData("0.999999", false)]
    [InlineData("2", false)]
    public void IsValidCoefficient_AroundTheThirtyPercentCap_AcceptsOnlyOneToOnePlusThreeSevenths(string k, bool valid)
    {
        var result = WeightedScore.IsValidCoefficient(decimal.Parse(k, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(valid, result);
    }

    [Fact]
    public void Compare_HigherPriceWithLargerCoefficient_CanRankFirst()
    {
        var result = WeightedScore.Compare(100m, 1.25m, 90m, 1m);

        Assert.True(result < 0);
    }

    [Fact]
    public void Compare_ExactlyEqualScores_IsZero()
    {
        var result = WeightedScore.Compare(125.00m, 1.25m, 100.00m, 1.00m);

        Assert.Equal(0, result);
    }

    [Fact]
    public void Display_ScoreWithManyDecimals_RoundsToTheCent()
    {
        var score = WeightedScore.Display(100m, 1.428571m);

        Assert.Equal(70.00m, score);
        Assert.Equal(950_000.00m, WeightedScore.Display(950_000.00m, 1m));
    }
}
