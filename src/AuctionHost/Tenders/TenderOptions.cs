namespace CompraNet.AuctionHost.Tenders;

/// <summary>Sealed-bid settings under <c>CompraNet:Tenders</c>. The master key is a secret: configuration or a generated file, never the database.</summary>
public sealed class TenderOptions
{
    public const string SectionName = "CompraNet:Tenders";

    /// <summary>
    /// Base64 of at least 32 random bytes, from which each tender's offer key is derived. Required in cluster mode
    /// (the same on every host); outside it, one is generated once into the data folder when unset. Losing it makes
    /// the sealed offers of tenders not yet opened unreadable.
    /// </summary>
    public string? MasterKey { get; init; }
}
