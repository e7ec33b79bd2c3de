namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// The answer to an offer: accepted with its receipt (and the offer it replaced, if any), or refused with a code of
/// <see cref="TenderRefusalCodes"/> and a reason; a refused offer leaves nothing stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("CompraNet.SubmitOfferResult")]
public sealed record SubmitOfferResult(
    [property: Id(0)] string? Code,
    [property: Id(1)] string Message,
    [property: Id(2)] Guid OfferId,
    [property: Id(3)] OfferReceipt? Receipt,
    [property: Id(4)] Guid? ReplacedOfferId)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsAccepted => Code is null;

    public static SubmitOfferResult Refused(Guid offerId, string code, string message) => new(code, message, offerId, null, null);
}
