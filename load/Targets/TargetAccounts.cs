namespace CompraNet.AuctionLoad.Targets;

/// <summary>
/// The accounts a run uses on a target: an officer to create auctions, and suppliers to bid — seeded ones
/// (<c>PREFIX-0001</c>… from <c>accounts seed-suppliers</c>) or the demo <c>supplier1</c>…<c>supplier4</c>
/// (<c>supplier5</c> is sanctioned in the demo data).
/// </summary>
public sealed record TargetAccounts(string Officer, string OfficerPassword, string? SupplierPrefix, string SupplierPassword)
{
    public const int DemoSupplierCount = 4;

    public string SupplierName(int index) =>
        SupplierPrefix is null ? $"supplier{index + 1}" : $"{SupplierPrefix}-{index + 1:0000}";

    /// <summary>How many distinct suppliers exist, when that is known (the demo set).</summary>
    public int? KnownSupplierCount => SupplierPrefix is null ? DemoSupplierCount : null;
}
