namespace CompraNet.AuctionGrains.Auctions;

/// <summary>The answer to one bid: accepted with its sequence and rank, or refused with a stable code and a reason.</summary>
[GenerateSerializer, Immutable, Alias("CompraNet.BidResult")]
public sealed record BidResult(
    [property: Id(0)] string Status,
    [property: Id(1)] string? Code,
    [property: Id(2)] string Message,
    [property: Id(3)] Guid BidId,
    [property: Id(4)] long? Sequence,
    [property: Id(5)] int? Rank,
    [property: Id(6)] decimal Amount,
    [property: Id(7)] AuctionView? View)
{
    public const string AcceptedStatus = "accepted";
    public const string RefusedStatus = "refused";

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsAccepted => Status == AcceptedStatus;

    public static BidResult Refused(PlaceBid bid, string code, string message, AuctionView? view = null) =>
        new(RefusedStatus, code, message, bid.BidId, null, null, bid.Amount, view);

    public static BidResult Accepted(Guid bidId, decimal amount, long sequence, int? rank, AuctionView view) =>
        new(AcceptedStatus, null, "Bid accepted.", bidId, sequence, rank, amount, view);
}
