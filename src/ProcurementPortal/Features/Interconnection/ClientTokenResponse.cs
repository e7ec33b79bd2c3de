using System.Text.Json.Serialization;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>The answer of the token endpoint, in OAuth 2.0's names (RFC 6749 §5.1).</summary>
public sealed record ClientTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope);
