using CompraNet.AuctionHost.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompraNet.AuctionHost.Accounts;

/// <summary><c>POST /api/auth/token</c>: local accounts exchange username and password for a bearer token.</summary>
public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Identity");
        group.MapPost("/token", IssueTokenAsync)
            .Accepts<TokenRequest>("application/json")
            .WithSummary("Exchange a username and password for a JWT bearer token.");
        return group;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        HttpRequest request, AccountStore accounts, TokenService tokens, LoginThrottle throttle, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<TokenRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrEmpty(body!.Username) || string.IsNullOrEmpty(body.Password) || body.Username.Length > 128 || body.Password.Length > 1024)
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["username"] = ["Required, at most 128 characters."],
                ["password"] = ["Required, at most 1024 characters."],
            });
        }

        if (!throttle.TryAcquire(body.Username))
        {
            request.HttpContext.Response.Headers.RetryAfter = "60";
            return Problems.Of(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many sign-in attempts for this account; wait a minute.");
        }

        var account = await accounts.FindAsync(body.Username, cancellationToken);
        if (!PasswordHasher.Verify(body.Password, account?.PasswordHash) || account is null)
        {
            return Problems.Of(StatusCodes.Status401Unauthorized, "invalid-credentials", "Wrong username or password.");
        }

        return TypedResults.Ok(tokens.Issue(account));
    }
}
