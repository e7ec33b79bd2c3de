using System.Diagnostics;
using CompraNet.AuctionLoad.Settings;
using CompraNet.AuctionLoad.Simulations;
using CompraNet.AuctionLoad.Targets;

namespace CompraNet.AuctionLoad.Scenarios;

/// <summary>
/// The memory an idle live auction costs the host: its memory after a full collection before and after creating
/// 1,000 auctions (open now, closing in an hour) that nobody bids in, divided by the number of auctions. Memory comes
/// from <c>GET /api/ops/process?gc=true</c>, or from /proc/PID/status (VmRSS, no collection) when the host lacks it.
/// </summary>
public sealed class IdleMemoryScenario(LoadTarget target, LoadSettings settings) : IScenario
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public string Name => "idle-memory";

    public async Task<ScenarioResult> RunAsync(CancellationToken cancellationToken)
    {
        var suppliers = BidderPool.SupplierIds(target.Accounts, 2);
        var officer = await AuctionSetup.SignInOfficerAsync(target, cancellationToken);
        using var api = new AuctionApi(target.Url);
        var before = await ReadMemoryAsync(api, officer, cancellationToken);
        Console.WriteLine($"[idle-memory] before: working set {Mb(before.WorkingSetBytes)} ({before.Source}), active auctions {before.ActiveAuctions?.ToString() ?? "?"}");

        var creations = new Measurement("creations");
        creations.BeginMeasuring(0);
        var clock = Stopwatch.StartNew();
        var plans = Enumerable.Range(0, settings.Auctions)
            .Select(a => AuctionSetup.Plan($"LOAD-{settings.RunId}-I{a:00000}", suppliers, TimeSpan.FromHours(1))).ToArray();
        await AuctionSetup.CreateAsync(target, officer, plans, Math.Min(8, settings.ConnectConcurrency), creations, cancellationToken);
        creations.EndMeasuring(clock.Elapsed.TotalSeconds, clock.Elapsed.TotalSeconds);

        await Task.Delay(Settle, cancellationToken);
        var after = await ReadMemoryAsync(api, officer, cancellationToken);
        Console.WriteLine($"[idle-memory] after:  working set {Mb(after.WorkingSetBytes)}, active auctions {after.ActiveAuctions?.ToString() ?? "?"}");

        var perAuction = (after.WorkingSetBytes - before.WorkingSetBytes) / (double)settings.Auctions;
        var figures = new Dictionary<string, double>
        {
            ["auctions"] = settings.Auctions,
            ["workingSetBeforeBytes"] = before.WorkingSetBytes,
            ["workingSetAfterBytes"] = after.WorkingSetBytes,
            ["workingSetBytesPerAuction"] = Math.Round(perAuction),
        };
        if (before.GcHeapBytes is { } heapBefore && after.GcHeapBytes is { } heapAfter)
        {
            figures["gcHeapBeforeBytes"] = heapBefore;
            figures["gcHeapAfterBytes"] = heapAfter;
            figures["gcHeapBytesPerAuction"] = Math.Round((heapAfter - heapBefore) / (double)settings.Auctions);
        }

        if (before.ActiveAuctions is { } activeBefore && after.ActiveAuctions is { } activeAfter)
        {
            figures["activeAuctionsBefore"] = activeBefore;
            figures["activeAuctionsAfter"] = activeAfter;
        }

        var result = new ScenarioResult(Name, target.Name, $"{settings.Auctions} idle live auctions created, {Settle.TotalSeconds:0}s settle",
            creations.Result(), [], figures,
            [$"memory from {after.Source}", "okCount/latency are the auction creations; the figures are the memory"]);
        if (settings.MaxBytesPerAuction is { } max)
        {
            result = result with { Thresholds = [new ThresholdCheck("working set bytes per auction", $"<= {Thresholds.F(max)}", Math.Round(perAuction), perAuction <= max)] };
        }

        return result;
    }

    private async Task<ProcessMemory> ReadMemoryAsync(AuctionApi api, string officerToken, CancellationToken cancellationToken)
    {
        var memory = await api.GetProcessMemoryAsync(officerToken, cancellationToken);
        if (memory is not null)
        {
            return memory;
        }

        return target.ProcessId is { } pid && ProcStatus.Read(pid) is { } fromProc
            ? fromProc
            : throw new ScenarioSetupException("The host has no GET /api/ops/process and no process id is known: pass --host-pid PID of the host.");
    }

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MB";
}
