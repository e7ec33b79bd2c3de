using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CompraNet.AuctionHost.Hosting;

/// <summary>
/// <c>GET /api/hosts</c> (the cluster's live hosts, for pages that must carry on when their host dies) and the
/// cross-origin policy that lets a page loaded from one host call another host of the same cluster, and no one else.
/// Tokens travel in the Authorization header, never in cookies, so credentials are not allowed cross-origin.
/// </summary>
public static class HostsHostingExtensions
{
    public const string CorsPolicy = "cluster-hosts";

    public static WebApplicationBuilder AddHostDirectory(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetCompraNetOptions());
        builder.Services.AddSingleton<HostDirectory>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HostDirectory>());
        builder.Services.AddCors();
        builder.Services.Replace(ServiceDescriptor.Singleton<ICorsPolicyProvider, HostCorsPolicyProvider>());
        return builder;
    }

    public static WebApplication MapHostDirectory(this WebApplication app)
    {
        app.MapGet("/api/hosts", async (HostDirectory directory, CancellationToken cancellationToken) =>
            {
                await directory.WhenSelfKnown.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
                return TypedResults.Ok(new HostsResponse(directory.Self, [.. directory.Hosts]));
            })
            .WithTags("Operations")
            .WithSummary("This host's public URL and every live host of the cluster (this one first): where a page goes when its host is gone.")
            .AllowAnonymous();
        return app;
    }
}

/// <summary>One policy: origins of the cluster's live hosts, any header, the API's methods, no credentials.</summary>
internal sealed class HostCorsPolicyProvider(HostDirectory directory) : ICorsPolicyProvider
{
    private readonly CorsPolicy _policy = new CorsPolicyBuilder()
        .SetIsOriginAllowed(directory.IsHostOrigin)
        .AllowAnyHeader()
        .WithMethods("GET", "POST", "PUT", "DELETE")
        .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
        .Build();

    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName) => Task.FromResult<CorsPolicy?>(_policy);
}

/// <summary>The answer of <c>GET /api/hosts</c>.</summary>
/// <param name="Self">This host's URL, or null when it listens on a wildcard address without CompraNet:PublicUrl.</param>
/// <param name="Hosts">Every live host's URL, this one first.</param>
public sealed record HostsResponse(string? Self, IReadOnlyList<string> Hosts);
