using System.Globalization;
using CompraNet.AuctionLoad.Settings;

namespace CompraNet.AuctionLoad.Scenarios;

/// <summary>
/// The conditions that fail a run. By default only a broken run fails (nothing acknowledged, or more than 5% of
/// attempts failed); --max-p99-ms, --min-rps and --max-fail-rate tighten them.
/// </summary>
public static class Thresholds
{
    public static ScenarioResult Apply(ScenarioResult result, LoadSettings settings)
    {
        var main = result.Main;
        var checks = new List<ThresholdCheck>
        {
            new("ok count", "> 0", main.OkCount, main.OkCount > 0),
            new("fail rate", $"<= {F(settings.MaxFailRate)}", Math.Round(main.FailRate, 6), main.FailRate <= settings.MaxFailRate),
        };
        foreach (var other in result.Others)
        {
            checks.Add(new($"{other.Name} ok count", "> 0", other.OkCount, other.OkCount > 0));
            checks.Add(new($"{other.Name} fail rate", $"<= {F(settings.MaxFailRate)}", Math.Round(other.FailRate, 6), other.FailRate <= settings.MaxFailRate));
        }

        if (settings.MaxP99Ms is { } maxP99)
        {
            checks.Add(new("p99 ms", $"<= {F(maxP99)}", main.P99Ms, main.P99Ms <= maxP99));
        }

        if (settings.MinRps is { } minRps)
        {
            checks.Add(new("ok/s", $">= {F(minRps)}", Math.Round(main.Rps, 1), main.Rps >= minRps));
        }

        return result with { Thresholds = [.. result.Thresholds, .. checks] };
    }

    public static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
