namespace CompraNet.AuctionLoad.Targets;

/// <summary>A running server the scenarios load: the engine host or the baseline app, on loopback.</summary>
/// <param name="Name">"engine" or "baseline", as reports name it.</param>
/// <param name="ProcessId">Known when this tool started the process (compare), or given with --host-pid.</param>
public sealed record LoadTarget(string Name, Uri Url, TargetAccounts Accounts, int? ProcessId = null)
{
    public Uri Hub(string path) => new(Url, path.TrimStart('/'));
}
