using BenchmarkDotNet.Attributes;
using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;

namespace CompraNet.AuctionBenchmarks;

/// <summary>
/// Durable bids on one auction in an in-process Orleans cluster with the real journal (SQLite file or PostgreSQL):
/// <see cref="Callers"/> bidders bid concurrently, each waiting for its acknowledgement, so group commit shows as
/// bids/s = 1 / (mean time per bid). PostgreSQL runs need COMPRANET_BENCH_POSTGRES (a server connection string).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8, invocationCount: 1)]
public class DurableBidBenchmarks
{
    private const int BidsPerInvoke = 3_200;
    private const string PostgresVariable = "COMPRANET_BENCH_POSTGRES";

    private InProcessTestCluster _cluster = null!;
    private IAuctionGrain _auction = null!;
    private decimal[] _amounts = [];
    private string? _database;

    [Params("sqlite", "postgres")]
    public string Storage { get; set; } = "sqlite";

    [Params(1, 64)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = BidsPerInvoke)]
    public async Task PlaceDurableBids()
    {
        var perCaller = BidsPerInvoke / Callers;
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(async caller =>
        {
            for (var i = 0; i < perCaller; i++)
            {
                _amounts[caller] -= 0.01m;
                var result = await _auction.PlaceBidAsync(new PlaceBid($"b{caller}", _amounts[caller], Guid.NewGuid(), false));
                if (!result.IsAccepted)
                {
                    throw new InvalidOperationException($"Bid refused: {result.Code} {result.Message}");
                }
            }
        }));
    }

    private async Task SetupAsync()
    {
        var options = new CompraNetOptions
        {
            Storage = Storage,
            DataDirectory = Directory.CreateTempSubdirectory("compranet-bench-").FullName,
        };
        string? postgres = null;
        if (options.IsPostgres)
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"Set {PostgresVariable} (e.g. Host=127.0.0.1;Port=5432;Username=postgres) to benchmark PostgreSQL.");
            _database = $"compranet_bench_{Guid.NewGuid():N}";
            await using (var admin = NpgsqlDataSource.Create(server))
            await using (var create = admin.CreateCommand($"CREATE DATABASE \"{_database}\""))
            {
                await create.ExecuteNonQueryAsync();
            }

            postgres = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ToString();
        }

        await SchemaMigrator.MigrateAsync(options, postgres);
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCompraNetGrainStorage(options, postgres);
            silo.Services.AddCompraNetStorage(options, postgres);
            silo.Services.AddSingleton<ISanctionRegistry, NoSanctions>();
            silo.Services.AddSingleton<IAuctionUpdateSink, DiscardUpdates>();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();

        var now = DateTimeOffset.UtcNow;
        var terms = new AuctionTerms(
            "BENCH", "BENCH", null, "benchmark", "MXN", AuctionFormat.Continuous, 1_000_000_000_000m,
            new MinStep(StepKind.Amount, 0.01m, StepReference.Own), null, TieRule.EarlierWins,
            now.AddSeconds(-1), now.AddDays(29), null, FeedbackMode.LeadRank,
            [.. Enumerable.Range(0, Math.Max(2, Callers)).Select(c => new InvitedBidder($"b{c}", null, 1m))]);
        _auction = _cluster.Client.GetGrain<IAuctionGrain>(terms.AuctionId);
        var created = await _auction.CreateAsync(terms, "bench");
        if (created.Outcome != CreateAuctionOutcome.Created)
        {
            throw new InvalidOperationException($"Could not create the benchmark auction: {created.Outcome}");
        }

        _amounts = [.. Enumerable.Range(0, Callers).Select(c => 900_000_000_000m - c)];
    }

    private async Task CleanupAsync()
    {
        await _cluster.DisposeAsync();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable(PostgresVariable)!);
            await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
        }
    }

    private sealed class NoSanctions : ISanctionRegistry
    {
        public bool IsSanctioned(string supplierId, DateTimeOffset at) => false;
    }

    private sealed class DiscardUpdates : IAuctionUpdateSink
    {
        public void Publish(AuctionSnapshot snapshot)
        {
        }
    }
}
