using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CompraNet.Baseline.Accounts;

/// <summary>
/// Reads the caller from a bearer header or, for SignalR transports that cannot send headers, the
/// <c>access_token</c> query string; the token names the user (see <see cref="AccessTokens"/>).
/// </summary>
public sealed class TokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "BaselineToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenFromHeader() ?? Request.Query["access_token"].FirstOrDefault();
        if (token is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!AccessTokens.TryRead(token, out var username))
        {
            return Task.FromResult(AuthenticateResult.Fail("Not a token of this app."));
        }

        Claim[] claims = [new(Roles.SubjectClaim, username), new(Roles.RoleClaim, Roles.Of(username))];
        var identity = new ClaimsIdentity(claims, SchemeName, Roles.SubjectClaim, Roles.RoleClaim);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    private string? TokenFromHeader()
    {
        var header = Request.Headers.Authorization.FirstOrDefault();
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
