namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// The answer to a call for offers: accepted (<see cref="Code"/> null; also when the same terms were already
/// opened), or refused with a code of <see cref="TenderRefusalCodes"/> and, for <c>invalid</c>, per-field errors.
/// </summary>
[GenerateSerializer, Immutable, Alias("CompraNet.OpenForOffersResult")]
public sealed record OpenForOffersResult(
    [property: Id(0)] string? Code,
    [property: Id(1)] string Message,
    [property: Id(2)] IReadOnlyDictionary<string, string[]> Errors)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsAccepted => Code is null;
}
