using System.Text.Json.Serialization;

namespace CompraNet.Baseline.Auctions;

/// <summary>The engine's bid result shape (PROTOCOL.md "Bid results and refusal codes").</summary>
public sealed record BidResult(string Status, string? Code, string Message, Guid BidId, long? Sequence, int? Rank, decimal Amount, AuctionView? View)
{
    public const string AcceptedStatus = "accepted";
    public const string RefusedStatus = "refused";

    [JsonIgnore]
    public bool IsAccepted => Status == AcceptedStatus;

    public static BidResult Accepted(Guid bidId, decimal amount, long sequence, int? rank, AuctionView view, string message = "Bid accepted.") =>
        new(AcceptedStatus, null, message, bidId, sequence, rank, amount, view);

    public static BidResult Refused(Guid bidId, decimal amount, string code, string message, AuctionView? view = null) =>
        new(RefusedStatus, code, message, bidId, null, null, amount, view);
}
