using CompraNet.AuctionHost.Accounts;
using CompraNet.AuctionHost.Auctions;
using CompraNet.AuctionHost.Http;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace CompraNet.AuctionHost.Hosting;

/// <summary>JWT bearer authentication for REST and SignalR, local accounts, and the role policies.</summary>
public static class AuthHostingExtensions
{
    public static WebApplicationBuilder AddAuctionAuth(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var key = SigningKeyProvider.Resolve(auth, builder.Configuration.GetCompraNetOptions());
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        builder.Services.AddSingleton(key);
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddSingleton<AccountStore>();
        builder.Services.AddSingleton<LoginThrottle>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth.Issuer,
                ValidAudience = auth.Audience,
                IssuerSigningKey = key,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                NameClaimType = Roles.SubjectClaim,
                RoleClaimType = Roles.RoleClaim,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            options.Events = new JwtBearerEvents
            {
                // Browsers' WebSockets cannot send headers: SignalR passes the token as access_token, on the hub only.
                OnMessageReceived = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Query["access_token"] is { Count: > 0 } token)
                    {
                        context.Token = token;
                    }

                    return Task.CompletedTask;
                },
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    await Problems.Of(StatusCodes.Status401Unauthorized, "unauthenticated", "Sign in: send a bearer token from POST /api/auth/token.")
                        .ExecuteAsync(context.HttpContext);
                },
                OnForbidden = context =>
                    Problems.Of(StatusCodes.Status403Forbidden, "forbidden", "Your role may not do this.").ExecuteAsync(context.HttpContext),
            };
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AuctionEndpoints.OfficerPolicy, policy => policy.RequireClaim(Roles.RoleClaim, Roles.Officer, Roles.Coordinator))
            .AddPolicy(Ops.OpsEndpoints.OpsPolicy, policy => policy.RequireClaim(Roles.RoleClaim, Roles.Officer, Roles.Auditor));
        return builder;
    }
}
