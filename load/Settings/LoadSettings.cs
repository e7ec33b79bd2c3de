namespace CompraNet.AuctionLoad.Settings;

/// <summary>Everything a run is told, from arguments or environment (<see cref="LoadSettingsParser"/>); defaults suit a 2-core machine.</summary>
public sealed record LoadSettings
{
    public required string Scenario { get; init; }

    /// <summary>The running target (engine host, or the baseline app for <c>baseline</c> and <c>echo</c>); null only for <c>compare</c>.</summary>
    public Uri? Url { get; init; }

    /// <summary>
    /// Every host given with <c>--url A,B,…</c> (the hosts of a cluster), <see cref="Url"/> first; bidders reconnect to
    /// the next one in turn when theirs is gone. One entry for a single host; empty only for <c>compare</c>.
    /// </summary>
    public IReadOnlyList<Uri> Urls { get; init; } = [];

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Bidder connections; in the closed model also the number of copies bidding as fast as acknowledged.</summary>
    public int Bidders { get; init; } = 64;

    /// <summary>Bids (or echoes) per second in the open model; null selects the closed model.</summary>
    public double? Rate { get; init; }

    public int Auctions { get; init; } = 1000;

    public int Watchers { get; init; } = 2000;

    /// <summary>Open-model bid rate on the watched auction while the watchers listen.</summary>
    public double WatchRate { get; init; } = 100;

    public bool Join { get; init; }

    /// <summary><c>lean</c> (the tool's own minimal hub-protocol reader, the default) or <c>signalr</c> (the client library).</summary>
    public string WatcherClient { get; init; } = "lean";

    public int EchoPayloadBytes { get; init; } = 64;

    public int ConnectConcurrency { get; init; } = 32;

    public required string ReportDirectory { get; init; }

    public string Officer { get; init; } = "officer1";

    public string OfficerPassword { get; init; } = "demo";

    /// <summary>Seeded suppliers <c>PREFIX-0001</c>…; null uses the demo suppliers <c>supplier1</c>…<c>supplier4</c>.</summary>
    public string? SupplierPrefix { get; init; }

    public string SupplierPassword { get; init; } = "demo";

    public double? MaxP99Ms { get; init; }

    public double? MinRps { get; init; }

    public double MaxFailRate { get; init; } = 0.05;

    public double? MaxBytesPerAuction { get; init; }

    public double? MinBaselineRatio { get; init; }

    public double? MinEchoRatio { get; init; }

    /// <summary>For <c>compare</c>: the PostgreSQL server on which a fresh database is created and dropped.</summary>
    public string? Postgres { get; init; }

    /// <summary>For <c>idle-memory</c> in <c>--url</c> mode: read /proc/PID/status when the host has no process endpoint.</summary>
    public int? HostPid { get; init; }

    public bool NoBuild { get; init; }

    /// <summary>Distinguishes this run's auction ids from earlier runs' on the same host.</summary>
    public required string RunId { get; init; }
}
