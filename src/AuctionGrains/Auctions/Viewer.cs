namespace CompraNet.AuctionGrains.Auctions;

/// <summary>Who asks for a view, as established by the host from the credential.</summary>
[GenerateSerializer, Immutable, Alias("CompraNet.Viewer")]
public sealed record Viewer([property: Id(0)] Audience Audience, [property: Id(1)] string? SupplierId)
{
    public static readonly Viewer Public = new(Audience.Public, null);
    public static readonly Viewer Officer = new(Audience.Officer, null);

    public static Viewer Supplier(string supplierId) => new(Audience.Supplier, supplierId);
}
