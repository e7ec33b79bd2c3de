namespace CompraNet.AuctionHost.Hosting;

/// <summary>Host-wide settings under the <c>CompraNet</c> configuration section.</summary>
public sealed class CompraNetOptions
{
    public const string SectionName = "CompraNet";

    /// <summary><c>sqlite</c> (embedded, the default) or <c>postgres</c>.</summary>
    public string Storage { get; init; } = "sqlite";

    /// <summary>Folder of the embedded SQLite file and the generated development signing key.</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>Seed the demo accounts, the sanctioned demo supplier and a live demo auction. Defaults to on in embedded mode.</summary>
    public bool? DemoData { get; init; }

    /// <summary>Orleans silo-to-silo port (localhost clustering).</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>Orleans client gateway port (localhost clustering).</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>Stable Orleans service id: grain state rows are keyed by it.</summary>
    public string ServiceId { get; init; } = "compranet";

    public bool IsPostgres => string.Equals(Storage, "postgres", StringComparison.OrdinalIgnoreCase);

    public bool IsEmbedded => !IsPostgres;

    public bool DemoDataEnabled => DemoData ?? IsEmbedded;

    /// <summary>Full path of the embedded database file.</summary>
    public string SqlitePath => Path.GetFullPath(Path.Combine(DataDirectory, "compranet.db"));
}
