using CompraNet.AuctionHost.Hosting;

namespace CompraNet.ProcurementPortal.Hosting;

/// <summary>
/// Builds the portal. Embedded mode (the default) co-hosts the auction engine in this process on one SQLite file;
/// with PostgreSQL or in cluster mode the portal reaches the auction hosts as an Orleans client.
/// </summary>
public static class PortalHost
{
    /// <param name="configure">Last changes to the services before the portal is built (tests swap the clock).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(PortalHost).Assembly.GetName().Name });
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddSingleton(new SchemaModule(typeof(PortalHost).Assembly));
        var embedded = builder.Configuration.GetCompraNetOptions().IsEmbedded;
        if (embedded)
        {
            builder.AddAuctionEngine();
        }
        else
        {
            builder.AddAuctionClient();
        }

        builder.AddPortalAuth();
        builder.AddPortalFeatures();
        builder.AddPortalPages();
        configure?.Invoke(builder);
        var app = builder.Build();
        if (embedded)
        {
            app.MapAuctionEngine(defaultFiles: false);
        }
        else
        {
            app.MapAuctionClient();
        }

        app.MapPortalFeatures();
        app.MapRazorPages();
        return app;
    }
}
