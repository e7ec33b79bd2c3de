using System.Security.Claims;
using CompraNet.AuctionHost.Accounts;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>
/// Short-lived tokens for interconnection clients, signed with the key of the users' tokens so the same bearer
/// scheme validates them. They carry <c>client</c> and <c>scope</c> and never a <c>role</c>: no user policy accepts them,
/// and the interconnection policies accept nothing else.
/// </summary>
public sealed class ClientTokenService(SymmetricSecurityKey key, IOptions<AuthOptions> auth, IOptions<InterconnectionOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public ClientTokenResponse Issue(ApiClient client)
    {
        var now = time.GetUtcNow();
        var lifetime = options.Value.ClientTokenLifetime;
        var claims = new List<Claim>
        {
            new(Roles.SubjectClaim, client.ClientId),
            new(InterconnectionScopes.ClientClaim, "true", ClaimValueTypes.Boolean),
        };
        claims.AddRange(client.Scopes.Select(s => new Claim(InterconnectionScopes.ScopeClaim, s)));
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Value.Issuer,
            Audience = auth.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return new ClientTokenResponse(token, "Bearer", (int)lifetime.TotalSeconds, string.Join(' ', client.Scopes));
    }

    /// <summary>A new random secret (256 bits), shown once to the operator.</summary>
    public static string NewSecret() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
