using CompraNet.Baseline.Auctions;
using CompraNet.Baseline.Http;

namespace CompraNet.Baseline.Hosting;

/// <summary>SignalR with the engine's JSON conventions (REST uses the same), and the shared bid path.</summary>
public static class RealtimeHostingExtensions
{
    public static WebApplicationBuilder AddBaselineRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => JsonConventions.Apply(options.SerializerOptions));
        builder.Services.AddSignalR().AddJsonProtocol(options => JsonConventions.Apply(options.PayloadSerializerOptions));
        builder.Services.AddSingleton<AuctionBidding>();
        return builder;
    }
}
