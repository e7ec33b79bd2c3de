using System.Globalization;
using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionHost.Admin;
using CompraNet.AuctionHost.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace CompraNet.AuctionHost.Tests.Cluster;

/// <summary>
/// Auction hosts in cluster mode as separate OS processes (so one can be killed with SIGKILL), sharing a fresh
/// PostgreSQL database, the test Redis, one signing key and one tender master key, with the demo accounts created
/// through the admin command as scripts/cluster.sh does. Each cluster has its own service and cluster id, so clusters never meet.
/// </summary>
public sealed class HostCluster : IAsyncDisposable
{
    private static readonly string SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    private static readonly string TenderMasterKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static readonly (string Username, string Role)[] Accounts =
    [
        ("officer1", "officer"), ("supplier1", "supplier"), ("supplier2", "supplier"), ("supplier3", "supplier"), ("supplier4", "supplier"),
    ];

    private readonly Dictionary<string, string> _settings;
    private readonly List<(HostProcess Host, int SiloPort)> _hosts = [];

    private HostCluster(Dictionary<string, string> settings, string id)
    {
        _settings = settings;
        Id = id;
    }

    /// <summary>The service and cluster id of this cluster.</summary>
    public string Id { get; }

    public string PostgresConnectionString => _settings["ConnectionStrings:Postgres"];

    public HostProcess this[int index] => _hosts[index].Host;

    /// <summary>Every host started so far, killed ones included, in start order.</summary>
    public IReadOnlyList<HostProcess> Hosts
    {
        get
        {
            lock (_hosts)
            {
                return [.. _hosts.Select(h => h.Host)];
            }
        }
    }

    /// <summary>Starts <paramref name="hosts"/> hosts on a fresh database and the test Redis (or <paramref name="redis"/>).</summary>
    public static async Task<HostCluster> StartAsync(PostgresFixture postgres, int hosts = 2, string? redis = null)
    {
        redis ??= RedisTestServer.Address();
        var id = $"test-{Guid.NewGuid():N}"[..17];
        var settings = new Dictionary<string, string>
        {
            ["CompraNet:Mode"] = "cluster",
            ["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync(),
            ["ConnectionStrings:Redis"] = redis,
            ["CompraNet:Auth:SigningKey"] = SigningKey,
            ["CompraNet:Tenders:MasterKey"] = TenderMasterKey,
            ["CompraNet:ServiceId"] = id,
            ["CompraNet:ClusterId"] = id,
        };
        var cluster = new HostCluster(settings, id);
        try
        {
            await cluster.CreateAccountsAsync();
            await Task.WhenAll(Enumerable.Range(0, hosts).Select(_ => cluster.StartHostAsync()));
            return cluster;
        }
        catch
        {
            // A host that failed to start must not leave the ones that did running after the test.
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more host in the cluster and waits until it answers <c>/health</c>.</summary>
    public async Task<HostProcess> StartHostAsync()
    {
        var siloPort = TestPorts.Free();
        var settings = new Dictionary<string, string>(_settings) { ["CompraNet:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture) };
        var host = await HostProcess.StartAsync(settings, TimeSpan.FromSeconds(90));
        lock (_hosts)
        {
            _hosts.Add((host, siloPort));
        }

        return host;
    }

    /// <summary>The host whose silo holds the auction's activation (asked of the cluster as an Orleans client).</summary>
    public async Task<HostProcess> HolderOfAsync(string auctionId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client
            .UseRedisClustering(_settings["ConnectionStrings:Redis"])
            .Configure<ClusterOptions>(options =>
            {
                options.ServiceId = Id;
                options.ClusterId = Id;
            }));
        using var client = builder.Build();
        await client.StartAsync();
        try
        {
            var grains = client.Services.GetRequiredService<IClusterClient>();
            var silo = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<IAuctionGrain>(auctionId))
                ?? throw new InvalidOperationException($"Auction {auctionId} is not active on any silo.");
            return _hosts.Single(h => h.SiloPort == silo.Endpoint.Port).Host;
        }
        finally
        {
            await client.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (host, _) in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>The accounts the tests sign in with, through <c>accounts add</c> as an operator would.</summary>
    private async Task CreateAccountsAsync()
    {
        var configuration = _settings.Select(s => $"--{s.Key}={s.Value}").ToArray();
        var results = await Task.WhenAll(Accounts.Select(a =>
            AdminCommands.TryRunAsync(["accounts", "add", a.Username, a.Role, "--password", "demo", .. configuration])));
        Assert.All(results, exitCode => Assert.Equal(0, exitCode));
    }
}
