using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionHost.Auctions;
using CompraNet.AuctionHost.Http;
using CompraNet.AuctionHost.Realtime;

namespace CompraNet.AuctionHost.Hosting;

/// <summary>SignalR (JSON and MessagePack; the Redis backplane in cluster mode), the broadcaster the grains publish to, and the shared bid path.</summary>
public static class RealtimeHostingExtensions
{
    public static WebApplicationBuilder AddAuctionRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RealtimeOptions>().BindConfiguration(RealtimeOptions.SectionName)
            .Validate(o => o.MaxBidsPerSupplierPerSecond > 0 && o.BidBurst > 0, "Bid rate limits must be positive.")
            .ValidateOnStart();
        builder.Services.AddSignalR(options => options.MaximumReceiveMessageSize = 64 * 1024)
            .AddJsonProtocol(options => JsonDefaults.Apply(options.PayloadSerializerOptions))
            .AddMessagePackProtocol()
            .AddCompraNetBackplane(builder.Configuration.GetCompraNetOptions(), builder.Configuration);
        builder.Services.AddSingleton<AuctionBroadcaster>();
        builder.Services.AddSingleton<IAuctionUpdateSink>(sp => sp.GetRequiredService<AuctionBroadcaster>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AuctionBroadcaster>());
        builder.Services.AddSingleton<BidRateLimiter>();
        builder.Services.AddSingleton<AuctionBidding>();
        return builder;
    }
}
