using System.Globalization;

namespace CompraNet.Baseline.Auctions;

/// <summary>
/// The checks a conventional portal makes on a bid, in the engine's order: invited, open by the clock, positive,
/// within the ceiling, lower than one's own best, and at least one minimum step below the reference price.
/// </summary>
public static class BidRules
{
    public static BidRefusal? Check(AuctionRow auction, BidderStanding standing, decimal amount, DateTimeOffset now)
    {
        if (!standing.Invited)
        {
            return new(RefusalCodes.NotEligible, "You are not invited to this auction.");
        }

        switch (auction.StatusAt(now))
        {
            case AuctionStatus.Scheduled:
                return new(RefusalCodes.NotOpen, "The auction is not open yet.");
            case AuctionStatus.Closed:
                return new(RefusalCodes.Closed, "The auction is closed.");
        }

        if (amount <= 0m)
        {
            return new(RefusalCodes.NotPositive, "A bid must be greater than zero.");
        }

        if (amount > auction.CeilingPrice)
        {
            return new(RefusalCodes.AboveCeiling, string.Create(CultureInfo.InvariantCulture, $"A bid may not exceed the ceiling price of {auction.CeilingPrice:0.00}."));
        }

        if (standing.Best is { } own && amount >= own)
        {
            return new(RefusalCodes.StepTooSmall, string.Create(CultureInfo.InvariantCulture, $"A bid must be lower than your current one ({own:0.00})."));
        }

        var step = auction.MinStep;
        var reference = step.RelativeTo == StepReference.Own ? standing.Best : auction.BestPrice;
        if (reference is not { } price)
        {
            return null;
        }

        var maxAllowed = price - (step.Kind == StepKind.Amount ? step.Value : price * step.Value / 100m);
        if (amount <= maxAllowed)
        {
            return null;
        }

        var size = step.Kind == StepKind.Amount
            ? step.Value.ToString("0.00", CultureInfo.InvariantCulture)
            : step.Value.ToString(CultureInfo.InvariantCulture) + "%";
        var below = step.RelativeTo == StepReference.Own ? "your own bid" : "the leading bid";
        return new(RefusalCodes.StepTooSmall, string.Create(CultureInfo.InvariantCulture, $"The minimum step is {size} below {below}: bid {Math.Floor(maxAllowed * 100m) / 100m:0.00} or less."));
    }
}
