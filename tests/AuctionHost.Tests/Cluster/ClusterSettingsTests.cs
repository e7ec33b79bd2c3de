using CompraNet.AuctionHost.Admin;
using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Sanctions;
using CompraNet.AuctionHost.Tests.Infrastructure;
using Npgsql;

namespace CompraNet.AuctionHost.Tests.Cluster;

/// <summary>
/// Cluster mode has no generated keys and no built-in accounts: a host missing a setting stops at once naming it,
/// and what embedded mode seeds (accounts, sanctions) is done with the admin commands against the cluster's settings.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ClusterSettingsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Start_ClusterModeWithoutRedisSigningKeyOrTenderKey_StopsNamingEachMissingKey()
    {
        var settings = new Dictionary<string, string>
        {
            ["CompraNet:Mode"] = "cluster",
            ["ConnectionStrings:Postgres"] = postgres.ConnectionString,
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(settings));

        Assert.Contains("ConnectionStrings:Redis", error.Message, StringComparison.Ordinal);
        Assert.Contains("CompraNet:Auth:SigningKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("CompraNet:Tenders:MasterKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ConnectionStrings:Postgres (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ClusterModeWithDemoData_StopsPointingToTheAccountsCommand()
    {
        var settings = new Dictionary<string, string>
        {
            ["CompraNet:Mode"] = "cluster",
            ["ConnectionStrings:Postgres"] = postgres.ConnectionString,
            ["ConnectionStrings:Redis"] = RedisTestServer.Address(),
            ["CompraNet:Auth:SigningKey"] = Convert.ToBase64String(new byte[48]),
            ["CompraNet:Tenders:MasterKey"] = Convert.ToBase64String(new byte[32]),
            ["CompraNet:DemoData"] = "true",
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(settings));

        Assert.Contains("CompraNet:DemoData", error.Message, StringComparison.Ordinal);
        Assert.Contains("accounts add", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SanctionsAdd_ClusterSettings_DebarsTheSupplierFromNow()
    {
        var database = await postgres.CreateDatabaseAsync();
        string[] cluster = ["--CompraNet:Mode=cluster", $"--ConnectionStrings:Postgres={database}"];

        var added = await AdminCommands.TryRunAsync(["sanctions", "add", "supplier9", "--reason", "Debarred by resolution 12/2026", .. cluster]);
        var noReason = await AdminCommands.TryRunAsync(["sanctions", "add", "supplier8", .. cluster]);
        var backwards = await AdminCommands.TryRunAsync(["sanctions", "add", "supplier8", "--reason", "x", "--from", "2030-01-02T00:00:00Z", "--until", "2030-01-01T00:00:00Z", .. cluster]);

        Assert.Equal([0, 2, 2], new[] { added, noReason, backwards });
        await using var dataSource = NpgsqlDataSource.Create(database);
        var registry = new SanctionRegistry(new CompraNetDatabase(dataSource, isPostgres: true), TimeProvider.System);
        await registry.ReloadAsync();
        Assert.True(registry.IsSanctioned("supplier9", DateTimeOffset.UtcNow.AddSeconds(1)));
        Assert.False(registry.IsSanctioned("supplier8", DateTimeOffset.UtcNow));
        Assert.Equal("Debarred by resolution 12/2026", Assert.Single(registry.SanctionsOf("supplier9")).Reason);
    }
}
