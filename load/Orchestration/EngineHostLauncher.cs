using System.Globalization;
using System.Security.Cryptography;
using CompraNet.AuctionLoad.Targets;

namespace CompraNet.AuctionLoad.Orchestration;

/// <summary>
/// Starts the engine host in PostgreSQL mode on a temporary database, as README "PostgreSQL mode" says: migrate,
/// create the accounts (seeded suppliers and an officer), then the host with a signing key and the per-bidder rate
/// limit lifted (a load run bids far faster than the 20 bids/s a person may).
/// </summary>
public static class EngineHostLauncher
{
    public const string Officer = "loadofficer";
    public const string SupplierPrefix = "load";

    public static async Task<RunningServer> StartAsync(string dll, string connectionString, int suppliers, string logDirectory, CancellationToken cancellationToken)
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var dataDirectory = Directory.CreateTempSubdirectory("compranet-load-host-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = connectionString,
            ["CompraNet__Storage"] = "postgres",
            ["CompraNet__Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["CompraNet__DemoData"] = "false",
            ["CompraNet__DataDirectory"] = dataDirectory,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        try
        {
            var log = Path.Combine(logDirectory, "engine-host.log");
            var count = suppliers.ToString(CultureInfo.InvariantCulture);
            await ChildProcess.RunAsync("migrate", dll, ["migrate"], environment, log, cancellationToken);
            await ChildProcess.RunAsync("seed suppliers", dll, ["accounts", "seed-suppliers", "--prefix", SupplierPrefix, "--count", count, "--password", password],
                environment, log, cancellationToken);
            await ChildProcess.RunAsync("add officer", dll, ["accounts", "add", Officer, "officer", "--password", password], environment, log, cancellationToken);
            Console.WriteLine($"[compare] engine database migrated; {suppliers} suppliers {SupplierPrefix}-0001… and officer {Officer} created");

            var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
            string[] arguments =
            [
                "--urls", url.ToString().TrimEnd('/'),
                $"--CompraNet:SiloPort={FreePort.Next()}",
                $"--CompraNet:GatewayPort={FreePort.Next()}",
                "--CompraNet:Realtime:MaxBidsPerSupplierPerSecond=100000",
                "--CompraNet:Realtime:BidBurst=100000",
            ];
            var process = ChildProcess.Start("engine host", dll, arguments, environment, log);
            var target = new LoadTarget("engine", url, new TargetAccounts(Officer, password, SupplierPrefix, password), process.Id);
            return await RunningServer.WaitHealthyAsync(process, target, log, dataDirectory, cancellationToken);
        }
        catch when (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
            throw;
        }
    }
}
