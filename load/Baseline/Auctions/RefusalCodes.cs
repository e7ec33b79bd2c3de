namespace CompraNet.Baseline.Auctions;

/// <summary>The engine's refusal codes (PROTOCOL.md) that the conventional design can produce.</summary>
public static class RefusalCodes
{
    public const string NotOpen = "not-open";
    public const string Closed = "closed";
    public const string NotEligible = "not-eligible";
    public const string NotPositive = "not-positive";
    public const string AboveCeiling = "above-ceiling";
    public const string StepTooSmall = "step-too-small";
    public const string Invalid = "invalid";
    public const string UnknownAuction = "unknown-auction";
    public const string Unavailable = "unavailable";
}
