using CompraNet.AuctionHost.Hosting;

namespace CompraNet.ProcurementPortal.Web;

/// <summary>
/// Where the auction engine's pages are: this origin in embedded mode (the portal co-hosts the engine), or
/// <c>CompraNet:AuctionHostUrl</c> when the engine runs on its own hosts (PostgreSQL or cluster mode; blank means
/// this origin too, e.g. behind one reverse proxy).
/// </summary>
public sealed record EngineLinks(string BaseUrl, bool IsEmbedded)
{
    public const string UrlKey = "CompraNet:AuctionHostUrl";

    public static EngineLinks Of(IConfiguration configuration) =>
        new((configuration[UrlKey] ?? "").Trim().TrimEnd('/'), configuration.GetCompraNetOptions().IsEmbedded);

    /// <summary>The public list of auctions (anyone may read it).</summary>
    public string List => $"{BaseUrl}/index.html";

    public string Bidder(string auctionId) => $"{BaseUrl}/bidder.html?auction={Uri.EscapeDataString(auctionId)}";

    public string Officer(string auctionId) => $"{BaseUrl}/officer.html?auction={Uri.EscapeDataString(auctionId)}";

    /// <summary>Where a signed-in supplier goes to bid: through <c>/subasta/{id}</c> (signed in for it) when the engine is here, else the engine's own page.</summary>
    public string BidderEntry(string auctionId) => IsEmbedded ? $"/subasta/{Uri.EscapeDataString(auctionId)}" : Bidder(auctionId);
}
