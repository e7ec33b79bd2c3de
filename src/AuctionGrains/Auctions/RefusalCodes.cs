namespace CompraNet.AuctionGrains.Auctions;

/// <summary>The stable refusal codes of PROTOCOL.md, plus <see cref="Unavailable"/> (the bid could not be made durable).</summary>
public static class RefusalCodes
{
    public const string NotOpen = "not-open";
    public const string Closed = "closed";
    public const string NotEligible = "not-eligible";
    public const string Sanctioned = "sanctioned";
    public const string NotPositive = "not-positive";
    public const string AboveCeiling = "above-ceiling";
    public const string StepTooSmall = "step-too-small";
    public const string StepTooLarge = "step-too-large";
    public const string TieNotAllowed = "tie-not-allowed";
    public const string NotYourTurn = "not-your-turn";
    public const string RateLimited = "rate-limited";
    public const string Invalid = "invalid";

    /// <summary>No auction has this id (REST answers 404).</summary>
    public const string UnknownAuction = "unknown-auction";

    /// <summary>Storage failed or the engine is overloaded: nothing was recorded; send the same bidId again.</summary>
    public const string Unavailable = "unavailable";
}
