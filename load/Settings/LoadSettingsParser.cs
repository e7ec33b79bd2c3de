using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CompraNet.AuctionLoad.Settings;

/// <summary>
/// Reads <see cref="LoadSettings"/> from <c>--name value</c> arguments; any option may instead come from the
/// environment as <c>COMPRANET_LOAD_NAME</c> (dashes become underscores), arguments winning.
/// </summary>
public static partial class LoadSettingsParser
{
    public const string EnvironmentPrefix = "COMPRANET_LOAD_";

    public static readonly string[] Scenarios = ["hot-auction", "many-auctions", "watchers", "baseline", "echo", "idle-memory", "compare"];

    private static readonly OptionSpec[] Specs =
    [
        new("scenario", "NAME", "hot-auction | many-auctions | watchers | baseline | echo | idle-memory | compare"),
        new("url", "URL[,URL…]", "running target on loopback: the engine host (several, comma-separated: the hosts of a cluster; bidders and watchers fail over to the next); the load/Baseline app for baseline and echo (not for compare)"),
        new("duration", "TIME", "measured duration, e.g. 30s, 2m (default 30s)"),
        new("warmup", "TIME", "warm-up before measuring, not counted (default 5s)"),
        new("bidders", "N", "bidder connections = closed-model copies, or echo copies (default 64; 4 with the demo suppliers)"),
        new("rate", "R", "open model: inject R bids (or echoes) per second from the bidders, latency from the intended send time"),
        new("auctions", "N", "live auctions for many-auctions and idle-memory (default 1000)"),
        new("watchers", "N", "watching connections for watchers (default 2000)"),
        new("watch-rate", "R", "bids per second on the watched auction in watchers (default 100)"),
        new("watcher-client", "lean|signalr", "watchers: the tool's minimal protocol reader (default, least overhead) or the SignalR client library"),
        new("join", null, "bidders also Join their auctions (receive their own updates) before bidding"),
        new("echo-payload", "BYTES", "payload size for echo (default 64)"),
        new("connect-concurrency", "N", "connections opened at once during setup (default 32)"),
        new("report", "DIR", "report folder (default: a new folder under the system temp folder)"),
        new("officer", "USER", "officer account that creates the auctions (default officer1)"),
        new("officer-password", "PASSWORD", "(default demo)"),
        new("supplier-prefix", "PREFIX", "bidders are PREFIX-0001 … (seeded with accounts seed-suppliers); default: demo supplier1…supplier4"),
        new("supplier-password", "PASSWORD", "(default demo)"),
        new("max-p99-ms", "MS", "fail the run when a scenario's p99 exceeds this"),
        new("min-rps", "R", "fail the run when a scenario's ok/s falls below this"),
        new("max-fail-rate", "FRACTION", "fail the run when failures / attempts exceed this (default 0.05)"),
        new("max-bytes-per-auction", "BYTES", "idle-memory: fail when the working set grows more per auction"),
        new("min-baseline-ratio", "X", "compare: fail when engine/baseline throughput is below X"),
        new("min-echo-ratio", "X", "compare: fail when engine/echo throughput is below X"),
        new("postgres", "CONNSTRING", "compare: PostgreSQL server (Host=…;Username=…) to create a fresh database on; env COMPRANET_LOAD_POSTGRES"),
        new("host-pid", "PID", "idle-memory in --url mode: the host's process id, read when GET /api/ops/process is missing"),
        new("no-build", null, "compare: use the Release dlls already built"),
        new("help", null, "print this help"),
    ];

    public static string Usage()
    {
        var text = new StringBuilder();
        text.AppendLine("AuctionLoad: load scenarios against a CompraNet auction host on this machine.");
        text.AppendLine();
        text.AppendLine("  dotnet run -c Release --project load -- --scenario hot-auction --duration 30s --url http://127.0.0.1:5300");
        text.AppendLine("  dotnet run -c Release --project load -- --scenario compare --postgres \"Host=127.0.0.1;Port=55501;Username=postgres\"");
        text.AppendLine();
        text.AppendLine("Start the host with --CompraNet:Realtime:MaxBidsPerSupplierPerSecond=100000 --CompraNet:Realtime:BidBurst=100000:");
        text.AppendLine("the default per-bidder limit (20 bids/s) would refuse most bids as rate-limited. compare does this itself.");
        text.AppendLine();
        foreach (var spec in Specs)
        {
            var left = spec.Value is null ? $"--{spec.Name}" : $"--{spec.Name} {spec.Value}";
            text.AppendLine($"  {left,-34} {spec.Help}");
        }

        text.AppendLine();
        text.AppendLine($"Every option can also be set as an environment variable {EnvironmentPrefix}NAME (e.g. {EnvironmentPrefix}URL).");
        text.AppendLine("Exit code: 0 when every threshold holds, 1 when one fails, 2 on a usage or setup error.");
        return text.ToString();
    }

    /// <summary>The arguments as reports show them: passwords hidden, also inside a connection string.</summary>
    public static IReadOnlyList<string> Redacted(string[] args)
    {
        var shown = new List<string>(args.Length);
        var hideNext = false;
        foreach (var arg in args)
        {
            var secret = arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains("password", StringComparison.OrdinalIgnoreCase);
            shown.Add(hideNext ? "***"
                : secret && arg.Contains('=', StringComparison.Ordinal) ? arg[..(arg.IndexOf('=', StringComparison.Ordinal) + 1)] + "***"
                : PasswordInConnectionString().Replace(arg, "Password=***"));
            hideNext = secret && !arg.Contains('=', StringComparison.Ordinal);
        }

        return shown;
    }

    public static ParseOutcome Parse(string[] args, Func<string, string?> environment)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                return ParseOutcome.Fail($"Unexpected argument '{arg}'. Options start with --; see --help.");
            }

            var name = arg[2..];
            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }

            var spec = Array.Find(Specs, s => s.Name == name);
            if (spec is null)
            {
                return ParseOutcome.Fail($"Unknown option --{name}; see --help.");
            }

            if (spec.Value is null)
            {
                given[name] = value ?? "true";
            }
            else if (value is not null)
            {
                given[name] = value;
            }
            else if (i + 1 < args.Length)
            {
                given[name] = args[++i];
            }
            else
            {
                return ParseOutcome.Fail($"--{name} needs a value ({spec.Value}).");
            }
        }

        string? Get(string name) => given.TryGetValue(name, out var v) ? v
            : environment(EnvironmentPrefix + name.ToUpperInvariant().Replace('-', '_'));

        if (IsTrue(Get("help")))
        {
            return ParseOutcome.ForHelp();
        }

        var reader = new ValueReader(Get);
        var settings = reader.Read();
        return reader.Error is { } error ? ParseOutcome.Fail(error) : ParseOutcome.Ok(settings!);
    }

    [GeneratedRegex("Password=[^;]*", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordInConnectionString();

    private static bool IsTrue(string? value) => value is not null && value is not ("false" or "0" or "no");

    private sealed record OptionSpec(string Name, string? Value, string Help);

    private sealed class ValueReader(Func<string, string?> get)
    {
        public string? Error { get; private set; }

        public LoadSettings? Read()
        {
            var scenario = get("scenario");
            if (scenario is null || !Scenarios.Contains(scenario))
            {
                Error = $"--scenario must be one of: {string.Join(", ", Scenarios)}.";
                return null;
            }

            Uri? url = null;
            List<Uri> urls = [];
            if (get("url") is { } urlText)
            {
                foreach (var part in urlText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!LoopbackUrl.TryParse(part, out var one, out var urlError))
                    {
                        Error = urlError;
                        return null;
                    }

                    urls.Add(one);
                }

                if (urls.Count == 0)
                {
                    Error = "--url needs at least one URL.";
                    return null;
                }

                url = urls[0];
            }
            else if (scenario != "compare")
            {
                Error = $"--url is required for {scenario} (the running host on loopback); only compare starts its own.";
                return null;
            }

            var prefix = get("supplier-prefix");
            var runId = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var settings = new LoadSettings
            {
                Scenario = scenario,
                Url = url,
                Urls = urls,
                RunId = runId,
                ReportDirectory = get("report") ?? Path.Combine(Path.GetTempPath(), "compranet-load", $"{runId}-{scenario}"),
                Duration = Duration("duration", TimeSpan.FromSeconds(30)),
                Warmup = Duration("warmup", TimeSpan.FromSeconds(5)),
                Bidders = Int("bidders", prefix is null && scenario is not ("echo" or "compare") ? 4 : 64, 1, 100_000),
                Rate = OptionalDouble("rate", 0.1),
                Auctions = Int("auctions", 1000, 1, 1_000_000),
                Watchers = Int("watchers", 2000, 1, 100_000),
                WatchRate = OptionalDouble("watch-rate", 0.1) ?? 100,
                Join = IsTrue(get("join")),
                WatcherClient = get("watcher-client") ?? "lean",
                EchoPayloadBytes = Int("echo-payload", 64, 1, 60_000),
                ConnectConcurrency = Int("connect-concurrency", 32, 1, 1000),
                Officer = get("officer") ?? "officer1",
                OfficerPassword = get("officer-password") ?? "demo",
                SupplierPrefix = prefix,
                SupplierPassword = get("supplier-password") ?? "demo",
                MaxP99Ms = OptionalDouble("max-p99-ms", 0),
                MinRps = OptionalDouble("min-rps", 0),
                MaxFailRate = OptionalDouble("max-fail-rate", 0) ?? 0.05,
                MaxBytesPerAuction = OptionalDouble("max-bytes-per-auction", 0),
                MinBaselineRatio = OptionalDouble("min-baseline-ratio", 0),
                MinEchoRatio = OptionalDouble("min-echo-ratio", 0),
                Postgres = get("postgres"),
                HostPid = get("host-pid") is null ? null : Int("host-pid", 0, 1, int.MaxValue),
                NoBuild = IsTrue(get("no-build")),
            };

            if (settings.WatcherClient is not ("lean" or "signalr"))
            {
                Error ??= "--watcher-client must be lean or signalr.";
            }

            if (settings.Duration <= TimeSpan.Zero)
            {
                Error ??= "--duration must be positive.";
            }

            if (scenario == "compare" && string.IsNullOrWhiteSpace(settings.Postgres))
            {
                Error ??= "compare needs a PostgreSQL server: --postgres \"Host=127.0.0.1;Port=5432;Username=postgres\" or COMPRANET_LOAD_POSTGRES.";
            }

            return settings;
        }

        private TimeSpan Duration(string name, TimeSpan fallback)
        {
            if (get(name) is not { } text)
            {
                return fallback;
            }

            if (!DurationText.TryParse(text, out var value))
            {
                Error ??= $"--{name} must be a duration like 30s, 500ms or 2m, got '{text}'.";
            }

            return value;
        }

        private int Int(string name, int fallback, int min, int max)
        {
            if (get(name) is not { } text)
            {
                return fallback;
            }

            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                Error ??= $"--{name} must be a whole number from {min} to {max}, got '{text}'.";
            }

            return value;
        }

        private double? OptionalDouble(string name, double min)
        {
            if (get(name) is not { } text)
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || !double.IsFinite(value))
            {
                Error ??= $"--{name} must be a number ≥ {min.ToString(CultureInfo.InvariantCulture)}, got '{text}'.";
            }

            return value;
        }
    }
}
