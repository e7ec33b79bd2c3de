using System.Net;
using CompraNet.AuctionHost.Accounts;
using CompraNet.AuctionHost.Tenders;
using Microsoft.AspNetCore.SignalR;
using Orleans.Configuration;
using StackExchange.Redis;

namespace CompraNet.AuctionHost.Hosting;

/// <summary>
/// Cluster mode (<c>CompraNet:Mode=cluster</c>): Orleans membership in Redis under a stable service and cluster id,
/// silo endpoints and failure detection from configuration, the SignalR Redis backplane, and the settings check
/// that stops a host missing any of them. Embedded mode keeps localhost clustering and in-process SignalR.
/// </summary>
public static class ClusterHostingExtensions
{
    public const string RedisConnectionName = "Redis";

    /// <summary>Overrides of Orleans' <see cref="ClusterMembershipOptions"/> (its property names), over <see cref="FastFailureDetection"/>.</summary>
    public const string MembershipSectionName = "CompraNet:Membership";

    /// <summary>Stops the host at start, naming every missing or wrong key, rather than starting a half-configured cluster member.</summary>
    public static void ValidateMode(IConfiguration configuration, CompraNetOptions options)
    {
        if (!options.IsCluster)
        {
            if (!string.Equals(options.Mode, CompraNetOptions.EmbeddedMode, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"CompraNet:Mode is '{options.Mode}': use 'embedded' (the default) or 'cluster'.");
            }

            return;
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(SiloHostingExtensions.PostgresConnectionName)))
        {
            missing.Add("ConnectionStrings:Postgres (grain state and the bid journal, e.g. Host=10.0.0.5;Port=5432;Database=compranet;Username=compranet)");
        }

        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(RedisConnectionName)))
        {
            missing.Add("ConnectionStrings:Redis (membership and the SignalR backplane, e.g. 10.0.0.6:6379)");
        }

        if (string.IsNullOrWhiteSpace(configuration[$"{AuthOptions.SectionName}:SigningKey"]))
        {
            missing.Add("CompraNet:Auth:SigningKey (the same on every host: base64 of at least 32 random bytes, e.g. `openssl rand -base64 48`)");
        }

        if (string.IsNullOrWhiteSpace(configuration[$"{TenderOptions.SectionName}:MasterKey"]))
        {
            missing.Add("CompraNet:Tenders:MasterKey (seals tender offers until their opening; the same on every host, kept out of the database and its backups: base64 of at least 32 random bytes, e.g. `openssl rand -base64 32`)");
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"CompraNet:Mode=cluster needs these settings (environment variables use __ for ':'): {string.Join("; ", missing)}. See docs/operations.md.");
        }

        if (options.DemoData == true)
        {
            throw new InvalidOperationException(
                "CompraNet:DemoData cannot be on in cluster mode (no built-in accounts): create accounts with `dotnet AuctionHost.dll accounts add USERNAME ROLE --password-stdin`.");
        }

        if (!IPAddress.TryParse(options.AdvertisedAddress, out _))
        {
            throw new InvalidOperationException($"CompraNet:AdvertisedAddress '{options.AdvertisedAddress}' is not an IP address: give the address the other hosts reach this one at.");
        }
    }

    /// <summary>Embedded: localhost clustering. Cluster: Redis membership, the configured endpoints and fast failure detection.</summary>
    public static ISiloBuilder UseCompraNetClustering(this ISiloBuilder silo, CompraNetOptions options, IConfiguration configuration)
    {
        if (!options.IsCluster)
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: "compranet");
            silo.Configure<ClusterOptions>(cluster => cluster.ServiceId = options.ServiceId);
            return silo;
        }

        var redis = RedisConfiguration(configuration);
        silo.UseRedisClustering(clustering => clustering.ConfigurationOptions = redis);
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ServiceId = options.ServiceId;
            cluster.ClusterId = options.ClusterId;
        });
        silo.ConfigureEndpoints(IPAddress.Parse(options.AdvertisedAddress), options.SiloPort, options.GatewayPort);
        silo.Services.AddOptions<ClusterMembershipOptions>().Configure(FastFailureDetection).BindConfiguration(MembershipSectionName);
        return silo;
    }

    /// <summary>In cluster mode, the SignalR Redis backplane: a group send on any host reaches that group's connections on every host.</summary>
    public static ISignalRServerBuilder AddCompraNetBackplane(this ISignalRServerBuilder signalR, CompraNetOptions options, IConfiguration configuration)
    {
        if (!options.IsCluster)
        {
            return signalR;
        }

        var redis = RedisConfiguration(configuration);
        // One prefix per deployment, so two clusters sharing a Redis never see each other's messages.
        redis.ChannelPrefix = RedisChannel.Literal($"compranet/{options.ServiceId}/{options.ClusterId}/");
        return signalR.AddStackExchangeRedis(backplane => backplane.Configuration = redis);
    }

    /// <summary>
    /// Failure detection for hosts on one network: a killed host is suspected after two missed one-second probes
    /// and declared dead by the survivors' votes, so its auctions move in a few seconds (docs/operations.md has the
    /// measured failover). A 5 s heartbeat in the membership table lets a cluster restarted after a crash stop
    /// waiting on its dead members after 10 s. Orleans' defaults (5 s probes, 3 misses, 30 s heartbeat, 60 s table
    /// refresh) suit wide-area clusters: detection then takes 15–20 s here.
    /// </summary>
    public static void FastFailureDetection(ClusterMembershipOptions membership)
    {
        membership.ProbeTimeout = TimeSpan.FromSeconds(1);
        membership.MaxProbeTimeout = TimeSpan.FromSeconds(2);
        membership.NumMissedProbesLimit = 2;
        membership.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
        membership.TableRefreshTimeout = TimeSpan.FromSeconds(10);
        membership.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
    }

    internal static ConfigurationOptions RedisConfiguration(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(RedisConnectionName);
        ConfigurationOptions redis;
        try
        {
            redis = ConfigurationOptions.Parse(value ?? string.Empty);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"ConnectionStrings:Redis is not a Redis configuration string (host:port[,option=value...]): {ex.Message}", ex);
        }

        // A host starts (and keeps serving bids) while Redis is briefly away; the client reconnects by itself.
        redis.AbortOnConnectFail = false;
        return redis;
    }
}
