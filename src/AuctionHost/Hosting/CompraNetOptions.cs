namespace CompraNet.AuctionHost.Hosting;

/// <summary>Host-wide settings under the <c>CompraNet</c> configuration section.</summary>
public sealed class CompraNetOptions
{
    public const string SectionName = "CompraNet";

    public const string EmbeddedMode = "embedded";

    public const string ClusterMode = "cluster";

    /// <summary>
    /// <c>embedded</c> (the default: one host, localhost clustering) or <c>cluster</c> (several hosts: Redis
    /// membership and SignalR backplane, PostgreSQL storage; see docs/operations.md).
    /// </summary>
    public string Mode { get; init; } = EmbeddedMode;

    /// <summary><c>sqlite</c> (embedded, the default) or <c>postgres</c>. Cluster mode is always on PostgreSQL.</summary>
    public string Storage { get; init; } = "sqlite";

    /// <summary>Folder of the embedded SQLite file and the generated development signing key.</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>Seed the demo accounts, the sanctioned demo supplier and a live demo auction. Defaults to on in embedded mode; never in cluster mode.</summary>
    public bool? DemoData { get; init; }

    /// <summary>Orleans silo-to-silo port.</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>Orleans client gateway port.</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>Stable Orleans service id: grain state rows are keyed by it.</summary>
    public string ServiceId { get; init; } = "compranet";

    /// <summary>Orleans cluster id (cluster mode): the hosts sharing it and <see cref="ServiceId"/> form one cluster.</summary>
    public string ClusterId { get; init; } = "compranet";

    /// <summary>The address this host's silo listens on and advertises to the others (cluster mode): loopback by default, the host's own address across machines.</summary>
    public string AdvertisedAddress { get; init; } = "127.0.0.1";

    public bool IsCluster => string.Equals(Mode, ClusterMode, StringComparison.OrdinalIgnoreCase);

    public bool IsPostgres => IsCluster || string.Equals(Storage, "postgres", StringComparison.OrdinalIgnoreCase);

    public bool IsEmbedded => !IsPostgres;

    public bool DemoDataEnabled => !IsCluster && (DemoData ?? IsEmbedded);

    /// <summary>Full path of the embedded database file.</summary>
    public string SqlitePath => Path.GetFullPath(Path.Combine(DataDirectory, "compranet.db"));
}
