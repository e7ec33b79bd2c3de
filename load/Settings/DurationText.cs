using System.Globalization;

namespace CompraNet.AuctionLoad.Settings;

/// <summary>Reads durations the way people type them on a command line: <c>30s</c>, <c>500ms</c>, <c>2m</c>, <c>1h</c>, or plain seconds.</summary>
public static class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var t = text.Trim().ToLowerInvariant();
        var (number, unit) = t.EndsWith("ms", StringComparison.Ordinal) ? (t[..^2], 0.001)
            : t.EndsWith('s') ? (t[..^1], 1.0)
            : t.EndsWith('m') ? (t[..^1], 60.0)
            : t.EndsWith('h') ? (t[..^1], 3600.0)
            : (t, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || double.IsInfinity(value))
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(value * unit);
        return true;
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds >= 1 && duration.TotalSeconds == Math.Floor(duration.TotalSeconds)
            ? $"{duration.TotalSeconds:0}s"
            : $"{duration.TotalMilliseconds:0}ms";
}
