using System.Diagnostics;
using System.Text.Json;
using CompraNet.AuctionHost.Admin;
using CompraNet.AuctionHost.Tests.Infrastructure;

namespace CompraNet.AuctionHost.Tests.Load;

/// <summary>
/// Keeps the load tool working: each scenario runs for a few seconds against real processes and must run and report.
/// These assert that a run happened and wrote its summary, never a speed (speeds belong to docs/performance.md).
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Load")]
public sealed class LoadToolSmokeTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Password = "smoke-pass";

    private readonly string _data = Directory.CreateTempSubdirectory("compranet-smoke-").FullName;
    private HostProcess _host = null!;

    public async Task InitializeAsync()
    {
        Assert.Equal(0, await AdminCommands.TryRunAsync(["accounts", "seed-suppliers", "--prefix", "smoke", "--count", "16", "--password", Password, $"--CompraNet:DataDirectory={_data}"]));
        _host = await HostProcess.StartAsync(new Dictionary<string, string> { ["CompraNet:DataDirectory"] = _data });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Theory]
    [InlineData("hot-auction", "--bidders", "8")]
    [InlineData("hot-auction", "--bidders", "8", "--rate", "200")]
    [InlineData("many-auctions", "--bidders", "8", "--auctions", "40")]
    [InlineData("watchers", "--bidders", "8", "--watchers", "50", "--watch-rate", "20")]
    [InlineData("idle-memory", "--auctions", "40")]
    public async Task Scenario_ShortRunAgainstTheHost_RunsAndReports(string scenario, params string[] options)
    {
        var (exit, output, summary) = await RunAsync([
            "--scenario", scenario, "--url", _host.BaseAddress.ToString(), "--duration", "3s", "--warmup", "1s",
            "--supplier-prefix", "smoke", "--supplier-password", Password, .. options]);

        Assert.True(exit == 0, output);
        Assert.Contains(summary.GetProperty("scenarios").EnumerateArray(), s => s.GetProperty("name").GetString() == scenario);
    }

    [Fact]
    public async Task Compare_ShortRun_ReportsBothRatios()
    {
        var server = Environment.GetEnvironmentVariable(PostgresFixture.ServerVariable) ?? throw new InvalidOperationException($"{PostgresFixture.ServerVariable} is not set.");
        Assert.NotEmpty(postgres.ConnectionString);

        var (exit, output, summary) = await RunAsync(["--scenario", "compare", "--duration", "2s", "--warmup", "1s", "--bidders", "8", "--watchers", "50", "--watch-rate", "20", "--auctions", "40", "--postgres", server]);

        Assert.True(exit == 0, output);
        var names = summary.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Contains("hot-auction", names);
        Assert.Contains("hot-auction-half", names);
        Assert.Contains("watchers", names);
        Assert.Contains("idle-memory", names);
        Assert.Contains("baseline", names);
        Assert.Contains("echo", names);
        Assert.Contains("ratios", summary.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(int Exit, string Output, JsonElement Summary)> RunAsync(string[] args)
    {
        var report = Directory.CreateTempSubdirectory("compranet-smoke-report-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        start.ArgumentList.Add(Repository.LoadToolDll());
        foreach (var arg in args.Append("--report").Append(report))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        var output = await stdout + await stderr;
        var summaryPath = Path.Combine(report, "summary.json");
        Assert.True(File.Exists(summaryPath), $"no summary.json:\n{output}");
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryPath));
        var result = (process.ExitCode, output, summary.RootElement.Clone());
        Directory.Delete(report, recursive: true);
        return result;
    }
}
