using System.Diagnostics;
using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionHost.Accounts;

namespace CompraNet.AuctionHost.Ops;

/// <summary><c>GET /api/ops/process</c>: memory and live auctions of this host (officers and auditors).</summary>
public static class OpsEndpoints
{
    public const string OpsPolicy = "ops";

    public static RouteGroupBuilder MapOpsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ops").WithTags("Operations").RequireAuthorization(OpsPolicy);
        group.MapGet("/process", GetProcessAsync)
            .WithSummary("Working set, GC heap and active auction grains of this host; ?gc=true collects first (for measurements).");
        return group;
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<ProcessReport>> GetProcessAsync(IGrainFactory grains, TimeProvider time, bool? gc)
    {
        if (gc == true)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var auctionType = typeof(AuctionGrain).FullName!;
        var active = statistics.Where(s => s.GrainType.Contains(auctionType, StringComparison.Ordinal)).Sum(s => s.ActivationCount);
        using var process = Process.GetCurrentProcess();
        return TypedResults.Ok(new ProcessReport(process.WorkingSet64, process.PrivateMemorySize64, GC.GetTotalMemory(forceFullCollection: false), active, time.GetUtcNow()));
    }
}
