using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CompraNet.AuctionHost.Tests.Cluster;
using CompraNet.AuctionHost.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CompraNet.AuctionHost.Tests.Load;

/// <summary>
/// The load tool against a two-host cluster (<c>--url A,B</c>): mid-run, kill -9 the host every watcher and bidder
/// connected to first. The watchers must reconnect to the survivor, rejoin, and keep receiving updates, without the
/// drop counting as a delivery failure. Reads the tool's per-second progress lines as they come to time the kill.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Load")]
public sealed partial class LoadToolFailoverTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int Watchers = 50;

    [Theory]
    [InlineData("lean")]
    [InlineData("signalr")]
    public async Task Watchers_FirstHostKilledMidRun_ReconnectToSurvivorAndKeepReceiving(string client)
    {
        await using var cluster = await HostCluster.StartAsync(postgres);
        using var tool = LoadToolRun.Start([
            "--scenario", "watchers", "--url", $"{cluster[0].BaseAddress},{cluster[1].BaseAddress}",
            "--duration", "20s", "--warmup", "2s", "--watchers", Watchers.ToString(CultureInfo.InvariantCulture),
            "--watch-rate", "20", "--watcher-client", client]);
        await tool.WaitForProgressAsync(p => p.Measured && p.Elapsed >= 3 && p.Deliveries > 0);

        await cluster[0].KillAsync();
        // Progress lines already printed (or in the pipe) when the kill completed may cover time before it: skip them.
        var lastBeforeKill = tool.Progress.Where(p => p.Measured).Max(p => p.Elapsed);
        var (exit, text, summary) = await tool.FinishAsync();

        var watchers = summary.GetProperty("scenarios").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "watchers");
        var figures = watchers.GetProperty("figures");
        var afterKill = tool.Progress.Where(p => p.Measured && p.Elapsed > lastBeforeKill + 2).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{client}: killed after measured second {lastBeforeKill}; reconnects {figures.GetProperty("reconnects")}, failed attempts " +
            $"{figures.GetProperty("failedConnectAttempts")}, bidder reconnects {figures.GetProperty("bidderReconnects")}; deliveries per second " +
            $"{string.Join(" ", tool.Progress.Where(p => p.Measured).Select(p => $"{p.Elapsed}s:{p.Deliveries}"))}"));
        Assert.True(exit == 0, text);
        Assert.True(figures.GetProperty("reconnects").GetDouble() >= Watchers, $"every watcher was on the killed host and must have reconnected:\n{text}");
        Assert.Equal(0, watchers.GetProperty("failCount").GetInt64());
        Assert.NotEmpty(afterKill);
        Assert.True(afterKill.Sum(p => p.Deliveries) > 0, $"no update delivered after the kill:\n{text}");
    }

    /// <summary>One progress line of the tool: <c>[watchers] measure 3s/20s | deliveries 1,000/s fail 0 p99 …</c>.</summary>
    private sealed record ProgressLine(bool Measured, int Elapsed, long Deliveries);

    [GeneratedRegex(@"^\[watchers\] (?<phase>warm-up|measure)\s+(?<elapsed>\d+)s/\d+s \| deliveries\s+(?<ok>[\d,]+)/s")]
    private static partial Regex ProgressPattern();

    /// <summary>The load tool as a child process whose progress lines are parsed as they arrive.</summary>
    private sealed class LoadToolRun : IDisposable
    {
        private readonly Process _process;
        private readonly string _report;
        private readonly List<string> _lines = [];
        private readonly List<ProgressLine> _progress = [];

        private LoadToolRun(Process process, string report)
        {
            _process = process;
            _report = report;
            _process.OutputDataReceived += (_, e) => OnLine(e.Data);
            _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public IReadOnlyList<ProgressLine> Progress
        {
            get
            {
                lock (_lines)
                {
                    return [.. _progress];
                }
            }
        }

        public static LoadToolRun Start(string[] args)
        {
            var report = Directory.CreateTempSubdirectory("compranet-failover-report-").FullName;
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
            start.ArgumentList.Add(Repository.LoadToolDll());
            foreach (var arg in args.Append("--report").Append(report))
            {
                start.ArgumentList.Add(arg);
            }

            return new LoadToolRun(Process.Start(start) ?? throw new InvalidOperationException("Could not start the load tool."), report);
        }

        public async Task WaitForProgressAsync(Func<ProgressLine, bool> condition)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (true)
            {
                if (Progress.Any(condition))
                {
                    return;
                }

                Assert.False(_process.HasExited, $"the load tool exited before the awaited progress line:\n{Text()}");
                Assert.True(DateTime.UtcNow < deadline, $"no such progress line within 2 minutes:\n{Text()}");
                await Task.Delay(50);
            }
        }

        public async Task<(int Exit, string Output, JsonElement Summary)> FinishAsync()
        {
            // Also waits for the redirected output to be read to its end.
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            var summaryPath = Path.Combine(_report, "summary.json");
            Assert.True(File.Exists(summaryPath), $"no summary.json:\n{Text()}");
            using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryPath));
            return (_process.ExitCode, Text(), summary.RootElement.Clone());
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
            Directory.Delete(_report, recursive: true);
        }

        private string Text()
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }

        private void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            var match = ProgressPattern().Match(line);
            lock (_lines)
            {
                _lines.Add(line);
                if (match.Success)
                {
                    _progress.Add(new ProgressLine(
                        match.Groups["phase"].Value == "measure",
                        int.Parse(match.Groups["elapsed"].Value, CultureInfo.InvariantCulture),
                        long.Parse(match.Groups["ok"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)));
                }
            }
        }
    }
}
