namespace CompraNet.AuctionLoad.Targets;

/// <summary>
/// An auction as the load tool creates it: a huge ceiling, a minimum step of 0.01 against the bidder's own best,
/// no fat-finger limit and no soft close, so that every strictly decreasing bid is accepted.
/// </summary>
public sealed record AuctionPlan(string ProcedureId, string Title, IReadOnlyList<string> Bidders, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public const decimal CeilingPrice = 1_000_000_000_000.00m;

    public const decimal MinStep = 0.01m;

    public object ToRequestBody() => new
    {
        procedureId = ProcedureId,
        lotId = (string?)null,
        title = Title,
        currency = "MXN",
        format = "continuous",
        ceilingPrice = CeilingPrice,
        minStep = new { kind = "amount", value = MinStep, relativeTo = "own" },
        maxStepPercent = (decimal?)null,
        tieRule = "earlier-wins",
        startsAt = StartsAt.UtcDateTime,
        endsAt = EndsAt.UtcDateTime,
        softClose = (object?)null,
        feedback = "lead-rank",
        bidders = Bidders.Select(b => new { supplierId = b, initialPrice = (decimal?)null, coefficient = 1.0m }).ToArray(),
    };
}
