using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CompraNet.AuctionHost.Accounts;

/// <summary>Issues the JWT bearer tokens of <c>POST /api/auth/token</c>: subject, role and display name, signed HMAC-SHA256.</summary>
public sealed class TokenService(SymmetricSecurityKey key, IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public TokenResponse Issue(Account account)
    {
        var now = time.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(Roles.SubjectClaim, account.Username),
                new Claim(Roles.RoleClaim, account.Role),
                new Claim("name", account.DisplayName),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return new TokenResponse(token, expires, account.Username, account.Role);
    }
}
