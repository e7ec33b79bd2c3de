namespace CompraNet.AuctionHost.Tests.Auctions;

/// <summary>Bodies of <c>POST /api/auctions</c> as an officer's software sends them; each call has a fresh procedure id.</summary>
public static class AuctionRequests
{
    public static string NewProcedureId() => $"LA-T-{Guid.NewGuid():N}"[..24];

    /// <summary>A valid continuous auction open now for supplier1..supplier3, as PROTOCOL.md's example.</summary>
    public static Dictionary<string, object?> Valid(string? procedureId = null)
    {
        var now = DateTimeOffset.UtcNow;
        return new Dictionary<string, object?>
        {
            ["procedureId"] = procedureId ?? NewProcedureId(),
            ["lotId"] = null,
            ["title"] = "Paracetamol 500 mg",
            ["currency"] = "MXN",
            ["format"] = "continuous",
            ["ceilingPrice"] = 1_000_000.00m,
            ["minStep"] = new Dictionary<string, object?> { ["kind"] = "amount", ["value"] = 1_000.00m, ["relativeTo"] = "own" },
            ["maxStepPercent"] = 30,
            ["tieRule"] = "earlier-wins",
            ["startsAt"] = now.AddSeconds(-1),
            ["endsAt"] = now.AddMinutes(30),
            ["softClose"] = new Dictionary<string, object?> { ["windowSeconds"] = 120, ["extendSeconds"] = 120, ["maxExtensions"] = 10, ["trigger"] = "leader" },
            ["feedback"] = "lead-rank",
            ["bidders"] = new List<object?>
            {
                Bidder("supplier1", 990_000.00m),
                Bidder("supplier2", 985_000.00m),
                Bidder("supplier3", null),
            },
        };
    }

    public static Dictionary<string, object?> Bidder(string supplierId, decimal? initialPrice, decimal coefficient = 1.0m) =>
        new() { ["supplierId"] = supplierId, ["initialPrice"] = initialPrice, ["coefficient"] = coefficient };
}
