using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CompraNet.AuctionHost.Tests.Infrastructure;
using Npgsql;

namespace CompraNet.AuctionHost.Tests.Durability;

/// <summary>
/// Kill -9 the host while bidders are bidding, start it again on the same database: every acknowledged bid is in
/// the journal exactly once and in order, the hash chain verifies, and bidding goes on. On SQLite and PostgreSQL.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CrashRecoveryTests(PostgresFixture postgres)
{
    private static readonly string SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    [Fact]
    public async Task KillDuringBidding_Sqlite_EveryAcknowledgedBidSurvivesOnce()
    {
        var data = Directory.CreateTempSubdirectory("compranet-crash-").FullName;
        var settings = new Dictionary<string, string> { ["CompraNet:DataDirectory"] = data };

        await KillDuringBiddingAsync(settings);
    }

    [Fact]
    public async Task KillDuringBidding_Postgres_EveryAcknowledgedBidSurvivesOnce()
    {
        var settings = new Dictionary<string, string>
        {
            ["CompraNet:Storage"] = "postgres",
            ["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync(),
            ["CompraNet:Auth:SigningKey"] = SigningKey,
            ["CompraNet:DemoData"] = "true",
            ["CompraNet:DataDirectory"] = Directory.CreateTempSubdirectory("compranet-crash-").FullName,
        };

        await KillDuringBiddingAsync(settings);
    }

    [Fact]
    public async Task DatabaseFailure_Sqlite_RefusesBidsAndAcknowledgesNone()
    {
        var data = Directory.CreateTempSubdirectory("compranet-fail-").FullName;
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string> { ["CompraNet:DataDirectory"] = data });
        var connection = $"Data Source={Path.Combine(data, "compranet.db")};Default Timeout=30";

        await DatabaseFailureAsync(
            host,
            breakAsync: () => SqliteExecAsync(connection, "CREATE TRIGGER simulated_failure BEFORE INSERT ON auction_journal BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END;"),
            repairAsync: () => SqliteExecAsync(connection, "DROP TRIGGER simulated_failure;"));
    }

    [Fact]
    public async Task DatabaseFailure_Postgres_RefusesBidsAndAcknowledgesNone()
    {
        var database = await postgres.CreateDatabaseAsync();
        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["CompraNet:Storage"] = "postgres",
            ["ConnectionStrings:Postgres"] = database,
            ["CompraNet:Auth:SigningKey"] = SigningKey,
            ["CompraNet:DemoData"] = "true",
            ["CompraNet:DataDirectory"] = Directory.CreateTempSubdirectory("compranet-fail-").FullName,
        });
        var server = new NpgsqlConnectionStringBuilder(database) { Database = "postgres", Pooling = false }.ToString();

        // The database goes away for the host: no new connections, and its open ones are cut.
        await DatabaseFailureAsync(
            host,
            breakAsync: () => PostgresExecAsync(server,
                $"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false",
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"),
            repairAsync: () => PostgresExecAsync(server, $"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS true"));
    }

    [Fact]
    public async Task CloseDueWhileHostIsDown_Sqlite_ClosesAtRestartAndRefusesLateBids()
    {
        var settings = new Dictionary<string, string> { ["CompraNet:DataDirectory"] = Directory.CreateTempSubdirectory("compranet-close-").FullName };
        string auctionId;
        DateTimeOffset endsAt;
        await using (var host = await HostProcess.StartAsync(settings))
        {
            auctionId = await CrashScenario.CreateAuctionAsync(host.BaseAddress, TimeSpan.FromSeconds(3));
            using var client = new HttpClient { BaseAddress = host.BaseAddress };
            endsAt = (await client.GetFromJsonAsync<JsonElement>($"/api/auctions/{auctionId}")).GetProperty("endsAt").GetDateTimeOffset();
            await host.KillAsync();
        }

        // The close comes while no host holds the auction; the restart must close it from the persisted time.
        await WaitUntilAsync(() => DateTimeOffset.UtcNow > endsAt.AddSeconds(1), TimeSpan.FromSeconds(30));
        await using var restarted = await HostProcess.StartAsync(settings);

        using var publicClient = new HttpClient { BaseAddress = restarted.BaseAddress };
        await WaitUntilAsync(async () => (await publicClient.GetFromJsonAsync<JsonElement>($"/api/auctions/{auctionId}")).TryGetProperty("ranking", out _), TimeSpan.FromSeconds(30));
        var transcript = await publicClient.GetFromJsonAsync<JsonElement>($"/api/auctions/{auctionId}/transcript");
        var last = transcript.GetProperty("entries").EnumerateArray().Last();
        Assert.Equal("closed", last.GetProperty("type").GetString());
        Assert.True(last.GetProperty("at").GetDateTimeOffset() >= endsAt);
        Assert.Equal(CrashScenario.Suppliers.Length, transcript.GetProperty("result").GetProperty("ranking").GetArrayLength());
        var late = await BidOnceAsync(restarted.BaseAddress, auctionId, await CrashScenario.TokenAsync(restarted.BaseAddress, "supplier1"), 1_000.00m);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Equal("closed", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private static async Task KillDuringBiddingAsync(Dictionary<string, string> settings)
    {
        var scenario = new CrashScenario();
        string auctionId;
        await using (var host = await HostProcess.StartAsync(settings))
        {
            auctionId = await CrashScenario.CreateAuctionAsync(host.BaseAddress);
            using var stop = new CancellationTokenSource();
            var bidding = scenario.BidUntilAsync(host.BaseAddress, auctionId, stop.Token);
            await WaitUntilAsync(() => scenario.Acknowledged.Count >= 200, TimeSpan.FromSeconds(60));

            await host.KillAsync();
            await stop.CancelAsync();
            await bidding;
        }

        await using var restarted = await HostProcess.StartAsync(settings);
        var entries = await scenario.VerifyTranscriptAsync(restarted.BaseAddress, auctionId);
        Assert.True(scenario.Acknowledged.Count >= 200);

        var after = await BidOnceAsync(restarted.BaseAddress, auctionId, await CrashScenario.TokenAsync(restarted.BaseAddress, "supplier1"), 1_000.00m);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(entries.Length + 1, (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sequence").GetInt64());
    }

    private static async Task DatabaseFailureAsync(HostProcess host, Func<Task> breakAsync, Func<Task> repairAsync)
    {
        var scenario = new CrashScenario();
        var auctionId = await CrashScenario.CreateAuctionAsync(host.BaseAddress);
        var supplier1 = await CrashScenario.TokenAsync(host.BaseAddress, "supplier1");
        var supplier2 = await CrashScenario.TokenAsync(host.BaseAddress, "supplier2");
        using (var warmUp = new CancellationTokenSource())
        {
            var bidding = scenario.BidUntilAsync(host.BaseAddress, auctionId, warmUp.Token, connectionsPerSupplier: 1);
            await WaitUntilAsync(() => scenario.Acknowledged.Count >= 50, TimeSpan.FromSeconds(60));
            await breakAsync();
            var acknowledgedBefore = scenario.Acknowledged.Count;
            await WaitUntilAsync(() => scenario.Refusals.GetValueOrDefault("unavailable") >= 20, TimeSpan.FromSeconds(60));
            await warmUp.CancelAsync();
            await bidding;

            // Bids that raced the break may have been acknowledged just before it; none after the refusals began.
            Assert.True(scenario.Acknowledged.Count - acknowledgedBefore <= CrashScenario.Suppliers.Length, "bids were acknowledged while the database was down");
        }

        var refused = await BidOnceAsync(host.BaseAddress, auctionId, supplier1, 1_000.00m);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("unavailable", problem.GetProperty("code").GetString());
        Assert.Contains("same bidId", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await repairAsync();
        await WaitUntilAsync(async () => (await BidOnceAsync(host.BaseAddress, auctionId, supplier2, 500.00m)).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60));
        await scenario.VerifyTranscriptAsync(host.BaseAddress, auctionId);
    }


    private static async Task<HttpResponseMessage> BidOnceAsync(Uri host, string auctionId, string token, decimal amount)
    {
        using var client = new HttpClient { BaseAddress = host };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostAsJsonAsync($"/api/auctions/{auctionId}/bids", new { amount, bidId = Guid.NewGuid() }, RunningHost.Json);
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout) => WaitUntilAsync(() => Task.FromResult(condition()), timeout);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"condition not met within {timeout}");
            await Task.Delay(50);
        }
    }

    private static async Task SqliteExecAsync(string connectionString, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task PostgresExecAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
