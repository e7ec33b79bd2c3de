namespace CompraNet.AuctionHost.Accounts;

/// <summary>Token settings under <c>CompraNet:Auth</c>. The signing key is a secret: configuration or a generated file, never the repo.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "CompraNet:Auth";

    /// <summary>Base64 of at least 32 random bytes. Required outside embedded mode; embedded mode generates one in the data folder.</summary>
    public string? SigningKey { get; init; }

    public string Issuer { get; init; } = "compranet";

    public string Audience { get; init; } = "compranet";

    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(8);
}
