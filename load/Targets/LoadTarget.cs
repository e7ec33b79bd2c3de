namespace CompraNet.AuctionLoad.Targets;

/// <summary>A running server the scenarios load: the engine host or the baseline app, on loopback.</summary>
/// <param name="Name">"engine" or "baseline", as reports name it.</param>
/// <param name="Url">The (first) host: setup, sign-in and every bidder's and watcher's first connection use it.</param>
/// <param name="ProcessId">Known when this tool started the process (compare), or given with --host-pid.</param>
public sealed record LoadTarget(string Name, Uri Url, TargetAccounts Accounts, int? ProcessId = null)
{
    /// <summary>The hosts of a cluster, <see cref="Url"/> first: bidders and watchers reconnect to the next one in turn when theirs is gone.</summary>
    public IReadOnlyList<Uri> Urls { get; init; } = [Url];

    public Uri Hub(string path) => new(Url, path.TrimStart('/'));
}
