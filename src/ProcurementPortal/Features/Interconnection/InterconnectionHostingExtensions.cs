using CompraNet.AuctionHost.Accounts;
using CompraNet.AuctionHost.Hosting;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>Interconnection with other government systems: client credentials, the budget gateway, treasury payments, webhooks.</summary>
public static class InterconnectionHostingExtensions
{
    public static WebApplicationBuilder AddInterconnection(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment() || builder.Configuration.GetCompraNetOptions().DemoDataEnabled)
        {
            // Development and the embedded demo run receivers on this machine. Lowest priority: an explicit setting wins.
            builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
            {
                InitialData = new Dictionary<string, string?> { [$"{InterconnectionOptions.SectionName}:AllowPrivateWebhookTargets"] = "true" },
            });
        }

        builder.Services.AddOptions<InterconnectionOptions>().BindConfiguration(InterconnectionOptions.SectionName)
            .Validate(o => o.BudgetUrl is null || (o.BudgetUrl.IsAbsoluteUri && o.BudgetUrl.Scheme is "http" or "https"), "CompraNet:Interconnection:BudgetUrl is an absolute http(s) URL.")
            .Validate(o => o.WebhookMaxAttempts is >= 1 and <= 20, "CompraNet:Interconnection:WebhookMaxAttempts is 1 to 20.")
            .Validate(o => o.ClientTokenLifetime > TimeSpan.Zero, "CompraNet:Interconnection:ClientTokenLifetime is positive.")
            .ValidateOnStart();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(InterconnectionScopes.PolicyFor(InterconnectionScopes.Budget), policy => RequireClient(policy, InterconnectionScopes.Budget))
            .AddPolicy(InterconnectionScopes.PolicyFor(InterconnectionScopes.Treasury), policy => RequireClient(policy, InterconnectionScopes.Treasury))
            .AddPolicy(InterconnectionScopes.PolicyFor(InterconnectionScopes.Webhooks), policy => RequireClient(policy, InterconnectionScopes.Webhooks));
        builder.Services.AddSingleton<ApiClientStore>();
        builder.Services.AddSingleton<ClientSignInThrottle>();
        builder.Services.AddSingleton<ClientTokenService>();
        builder.Services.AddSingleton<ClientCredentials>();
        builder.Services.AddHttpClient(HttpBudgetGateway.HttpClientName);
        builder.Services.AddSingleton<IBudgetGateway, HttpBudgetGateway>();
        builder.Services.AddSingleton<WebhookStore>();
        builder.Services.AddSingleton<IPortalEvents, PortalEvents>();
        builder.Services.AddSingleton<IBudgetCommitments, BudgetCommitments>();
        builder.Services.AddSingleton<PaymentStore>();
        builder.Services.AddSingleton<TreasuryService>();
        builder.Services.AddSingleton<ActiveClientFilter>();
        builder.Services.AddSingleton<WebhookService>();
        // Redirects are not followed: a receiver could otherwise bounce the portal to an internal address.
        builder.Services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        builder.Services.AddHostedService<WebhookDispatcher>();
        return builder;
    }

    public static WebApplication MapInterconnection(this WebApplication app)
    {
        app.MapInterconnectionEndpoints();
        return app;
    }

    // A client token carries client=true and its scopes and never a role, so a user's token (even an officer's) fails here.
    private static void RequireClient(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy, string scope) =>
        policy.RequireAuthenticatedUser()
            .RequireClaim(InterconnectionScopes.ClientClaim, "true")
            .RequireClaim(InterconnectionScopes.ScopeClaim, scope)
            .RequireAssertion(context => !context.User.HasClaim(c => c.Type == Roles.RoleClaim));
}
