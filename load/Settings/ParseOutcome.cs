namespace CompraNet.AuctionLoad.Settings;

/// <summary>What the command line asked for: settings to run, the help, or an error to print.</summary>
public sealed record ParseOutcome(LoadSettings? Settings, string? Error, bool Help)
{
    public static ParseOutcome Ok(LoadSettings settings) => new(settings, null, false);

    public static ParseOutcome Fail(string error) => new(null, error, false);

    public static ParseOutcome ForHelp() => new(null, null, true);
}
