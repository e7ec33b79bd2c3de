namespace CompraNet.AuctionGrains.Tenders;

/// <summary>The answer to the opening act: the opening (the same one on every later call), or refused with a code.</summary>
[GenerateSerializer, Immutable, Alias("CompraNet.OpenOffersResult")]
public sealed record OpenOffersResult(
    [property: Id(0)] string? Code,
    [property: Id(1)] string Message,
    [property: Id(2)] TenderOpening? Opening)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsAccepted => Code is null;

    public static OpenOffersResult Refused(string code, string message) => new(code, message, null);
}
