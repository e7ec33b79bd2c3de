namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// What the rules decided about one bid: either a refusal (code + reason; nothing changes) or the events to apply,
/// a <see cref="BidAccepted"/> possibly followed by an <see cref="AuctionExtended"/>.
/// </summary>
public sealed record BidDecision(string? RefusalCode, string Message, IReadOnlyList<AuctionEvent> Events)
{
    public bool IsAccepted => RefusalCode is null;

    public static BidDecision Refuse(string code, string message) => new(code, message, []);
}
