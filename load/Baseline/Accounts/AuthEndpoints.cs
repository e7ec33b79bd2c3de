using CompraNet.Baseline.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompraNet.Baseline.Accounts;

/// <summary><c>POST /api/auth/token</c> with the engine's request and response shapes; any username is accepted.</summary>
public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth");
        group.MapPost("/token", IssueToken);
        return group;
    }

    private static Results<Ok<TokenResponse>, ProblemHttpResult> IssueToken(TokenRequest request, TimeProvider time)
    {
        if (string.IsNullOrEmpty(request.Username) || request.Username.Length > 128)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["username"] = ["Required, at most 128 characters."] });
        }

        var username = request.Username;
        return TypedResults.Ok(new TokenResponse(AccessTokens.Issue(username), time.GetUtcNow().AddHours(12), username, Roles.Of(username)));
    }
}
