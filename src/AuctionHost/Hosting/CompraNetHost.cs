using CompraNet.AuctionHost.Accounts;
using CompraNet.AuctionHost.Auctions;
using CompraNet.AuctionHost.Demo;
using CompraNet.AuctionHost.Ops;
using CompraNet.AuctionHost.Realtime;

namespace CompraNet.AuctionHost.Hosting;

/// <summary>Builds the auction host; Program.cs and the integration tests both start it through here.</summary>
public static class CompraNetHost
{
    public static WebApplication Build(string[] args)
    {
        // Named explicitly so the pages (static web assets) are found however the host is started: dotnet run,
        // the built dll, or in-process from the tests.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(CompraNetHost).Assembly.GetName().Name });
        builder.WebHost.UseStaticWebAssets();
        builder.AddAuctionHttp();
        builder.AddAuctionSilo();
        builder.AddAuctionAuth();
        builder.AddAuctionRealtime();
        builder.AddHostDirectory();
        if (builder.Configuration.GetCompraNetOptions().DemoDataEnabled)
        {
            builder.Services.AddHostedService<DemoDataSeeder>();
        }

        var app = builder.Build();
        app.UseAuctionHttp();
        app.MapHostDirectory();
        app.MapAuthEndpoints();
        app.MapAuctionEndpoints();
        app.MapOpsEndpoints();
        app.MapHub<AuctionHub>("/hubs/auctions");
        return app;
    }
}
