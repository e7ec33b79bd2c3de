using CompraNet.Baseline.Accounts;
using CompraNet.Baseline.Auctions;
using Microsoft.AspNetCore.Authentication;

namespace CompraNet.Baseline.Hosting;

/// <summary>The token scheme (bearer header or access_token), the officer policy, and problem details for every error.</summary>
public static class AuthHostingExtensions
{
    public static WebApplicationBuilder AddBaselineAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AuctionEndpoints.OfficerPolicy, policy => policy.RequireClaim(Roles.RoleClaim, Roles.Officer));
        // Bodiless errors (a 401, or a body that does not bind) still answer problem details with a code, as the engine's do.
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("code", context.ProblemDetails.Status switch
            {
                StatusCodes.Status401Unauthorized => "unauthenticated",
                StatusCodes.Status403Forbidden => "forbidden",
                StatusCodes.Status404NotFound => "not-found",
                _ => "invalid",
            }));
        return builder;
    }
}
