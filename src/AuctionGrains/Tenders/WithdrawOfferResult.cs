namespace CompraNet.AuctionGrains.Tenders;

/// <summary>The answer to a withdrawal: accepted with the journal sequence and time of the withdrawal, or refused with a code.</summary>
[GenerateSerializer, Immutable, Alias("CompraNet.WithdrawOfferResult")]
public sealed record WithdrawOfferResult(
    [property: Id(0)] string? Code,
    [property: Id(1)] string Message,
    [property: Id(2)] Guid OfferId,
    [property: Id(3)] long? Sequence,
    [property: Id(4)] DateTimeOffset? WithdrawnAt)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsAccepted => Code is null;

    public static WithdrawOfferResult Refused(Guid offerId, string code, string message) => new(code, message, offerId, null, null);
}
