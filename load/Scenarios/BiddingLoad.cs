using CompraNet.AuctionLoad.Settings;
using CompraNet.AuctionLoad.Simulations;

namespace CompraNet.AuctionLoad.Scenarios;

/// <summary>Chooses the load simulation from the settings: --rate selects the open model, otherwise the closed one.</summary>
public static class BiddingLoad
{
    public static LoadSimulation For(LoadSettings settings, int copies, double? rate = null) =>
        (rate ?? settings.Rate) is { } r
            ? new OpenModel(r, copies, settings.Warmup, settings.Duration)
            : new ClosedModel(copies, settings.Warmup, settings.Duration);

    /// <summary>How long the scenario's auctions stay open: the whole run and a generous margin, so none closes under load.</summary>
    public static TimeSpan AuctionLifetime(LoadSettings settings) => settings.Warmup + settings.Duration + TimeSpan.FromMinutes(30);
}
