using CompraNet.AuctionHost.Accounts;
using CompraNet.AuctionHost.Auctions;
using CompraNet.AuctionHost.Demo;
using CompraNet.AuctionHost.Ops;
using CompraNet.AuctionHost.Realtime;

namespace CompraNet.AuctionHost.Hosting;

/// <summary>
/// Builds the auction host; Program.cs and the integration tests both start it through here. The procurement portal
/// co-hosts the same engine in its own process through <see cref="AddAuctionEngine"/> and <see cref="MapAuctionEngine"/>.
/// </summary>
public static class CompraNetHost
{
    /// <param name="configure">Last changes to the services before the host is built (tests swap the clock).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Named explicitly so the pages (static web assets) are found however the host is started: dotnet run,
        // the built dll, or in-process from the tests.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(CompraNetHost).Assembly.GetName().Name });
        builder.WebHost.UseStaticWebAssets();
        builder.AddAuctionEngine();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapAuctionEngine(defaultFiles: true);
        return app;
    }

    /// <summary>The engine's services: HTTP conventions, the silo and its storage, accounts and tokens, the hub, the host directory, demo data.</summary>
    public static WebApplicationBuilder AddAuctionEngine(this WebApplicationBuilder builder)
    {
        builder.AddAuctionHttp();
        builder.AddAuctionSilo();
        builder.AddAuctionAuth();
        builder.AddAuctionRealtime();
        builder.AddHostDirectory();
        if (builder.Configuration.GetCompraNetOptions().DemoDataEnabled)
        {
            builder.Services.AddHostedService<DemoDataSeeder>();
        }

        return builder;
    }

    /// <summary>
    /// The engine's pipeline and endpoints. <paramref name="defaultFiles"/>: "/" serves the engine's own sign-in page
    /// (the standalone host); the portal keeps "/" for its home page.
    /// </summary>
    public static WebApplication MapAuctionEngine(this WebApplication app, bool defaultFiles)
    {
        app.UseAuctionHttp(defaultFiles);
        app.MapAuthEndpoints();
        app.MapAuctionEndpoints();
        app.MapOpsEndpoints();
        app.MapHostDirectory();
        app.MapHub<AuctionHub>("/hubs/auctions");
        return app;
    }
}
