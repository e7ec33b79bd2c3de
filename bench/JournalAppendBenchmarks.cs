using BenchmarkDotNet.Attributes;
using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Persistence;
using Npgsql;

namespace CompraNet.AuctionBenchmarks;

/// <summary>
/// The journal's append path alone: one append of <see cref="BatchSize"/> chained entries, durable on return, on the
/// SQLite file (synchronous=FULL) or PostgreSQL. Time per entry shows what group commit buys.
/// PostgreSQL runs need COMPRANET_BENCH_POSTGRES (a server connection string).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class JournalAppendBenchmarks
{
    private IAuctionJournal _journal = null!;
    private IAsyncDisposable? _owned;
    private string? _database;
    private string _auctionId = "";
    private long _sequence;
    private string _head = JournalCodec.GenesisHash;
    private DateTimeOffset _now;

    [Params("sqlite", "postgres")]
    public string Storage { get; set; } = "sqlite";

    [Params(1, 10, 100)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    [Benchmark]
    public Task AppendBatch()
    {
        var entries = new List<JournalEntry>(BatchSize);
        for (var i = 0; i < BatchSize; i++)
        {
            var bid = new BidAccepted(++_sequence, _now, "supplier1", 900_000m - (_sequence / 100m), Guid.NewGuid(), false);
            var entry = JournalCodec.Encode(_auctionId, bid, _head);
            _head = entry.Hash;
            entries.Add(entry);
        }

        return _journal.AppendAsync(_auctionId, entries);
    }

    private async Task SetupAsync()
    {
        _auctionId = $"BENCH-{Guid.NewGuid():N}"[..20];
        _now = DateTimeOffset.UtcNow;
        var options = new CompraNetOptions { Storage = Storage, DataDirectory = Directory.CreateTempSubdirectory("compranet-bench-").FullName };
        if (!options.IsPostgres)
        {
            await SchemaMigrator.MigrateAsync(options, null);
            var sqlite = new SqliteAuctionJournal(new SqliteDataSource(options.SqlitePath), TimeProvider.System);
            (_journal, _owned) = (sqlite, sqlite);
            return;
        }

        var server = Environment.GetEnvironmentVariable("COMPRANET_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("Set COMPRANET_BENCH_POSTGRES to benchmark PostgreSQL.");
        _database = $"compranet_bench_{Guid.NewGuid():N}";
        await using (var admin = NpgsqlDataSource.Create(server))
        await using (var create = admin.CreateCommand($"CREATE DATABASE \"{_database}\""))
        {
            await create.ExecuteNonQueryAsync();
        }

        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server) { Database = _database }.ToString());
        await SchemaMigrator.MigratePostgresAsync(dataSource);
        (_journal, _owned) = (new NpgsqlAuctionJournal(dataSource, TimeProvider.System), dataSource);
    }

    private async Task CleanupAsync()
    {
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }

        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("COMPRANET_BENCH_POSTGRES")!);
            await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
        }
    }
}
