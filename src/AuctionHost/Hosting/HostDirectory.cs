using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using StackExchange.Redis;
using IServer = Microsoft.AspNetCore.Hosting.Server.IServer;

namespace CompraNet.AuctionHost.Hosting;

/// <summary>
/// The public URLs of the cluster's live hosts, so a browser page whose host dies can carry on through another.
/// Each host writes its URL with its silo address into a Redis hash every few seconds and reads the others'; a host
/// is listed while Orleans membership has that silo active. In embedded mode the directory is this host alone.
/// The hosts ever announced are the only origins a host accepts cross-origin calls from (<see cref="IsHostOrigin"/>).
/// </summary>
public sealed class HostDirectory(
    CompraNetOptions options,
    IConfiguration configuration,
    IServer server,
    IHostApplicationLifetime lifetime,
    IServiceProvider services,
    ILogger<HostDirectory> logger) : BackgroundService
{
    /// <summary>How often a host re-announces itself and re-reads the others.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(3);

    private readonly TaskCompletionSource _selfKnown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _self;
    private volatile string[] _hosts = [];
    private volatile string[] _origins = [];
    private (string Url, string Silo)[] _entries = [];
    private ConnectionMultiplexer? _redis;

    /// <summary>This host's public URL (scheme://host:port), once the server listens; null when it cannot be known.</summary>
    public string? Self => _self;

    /// <summary>The live hosts' public URLs, this one first.</summary>
    public IReadOnlyList<string> Hosts => _hosts;

    /// <summary>Whether a browser origin is one of the cluster's hosts (cross-origin calls are accepted from those only).</summary>
    public bool IsHostOrigin(string origin) => _origins.Contains(Normalize(origin) ?? string.Empty, StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits until the host's own URL is known (tests and the endpoint's first answer).</summary>
    public Task WhenSelfKnown => _selfKnown.Task;

    /// <summary>scheme://host:port without path or trailing slash; null for wildcard bindings (0.0.0.0, +, *).</summary>
    public static string? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var text = url.Trim().Replace("://+", "://wildcard", StringComparison.Ordinal).Replace("://*", "://wildcard", StringComparison.Ordinal);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        if (uri.Host is "wildcard" or "0.0.0.0" or "[::]" or "::")
        {
            return null;
        }

        return $"{uri.Scheme}://{uri.Authority}";
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WaitForServerAsync(stoppingToken);
        _self = ResolveSelf();
        _hosts = _self is null ? [] : [_self];
        _origins = [.. _hosts];
        _selfKnown.TrySetResult();
        if (_self is null)
        {
            logger.LogInformation("This host listens on a wildcard address: set CompraNet:PublicUrl so pages can move between hosts.");
        }

        if (!options.IsCluster || _self is null)
        {
            return;
        }

        var membership = services.GetRequiredService<IClusterMembershipService>();
        var silo = services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();
        var key = new RedisKey($"compranet/{options.ServiceId}/{options.ClusterId}/hosts");
        using var timer = new PeriodicTimer(RefreshInterval);
        do
        {
            try
            {
                _redis ??= await ConnectionMultiplexer.ConnectAsync(ClusterHostingExtensions.RedisConfiguration(configuration));
                var db = _redis.GetDatabase();
                await db.HashSetAsync(key, _self, silo);
                _entries = [.. (await db.HashGetAllAsync(key)).Select(e => (Url: e.Name.ToString(), Silo: e.Value.ToString()))];
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
            {
                // Redis away: keep the last entries (still filtered by membership below); announce again when it is back.
                logger.LogDebug(ex, "Could not refresh the host directory in Redis.");
            }

            Publish(membership.CurrentSnapshot);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override void Dispose()
    {
        base.Dispose();
        _redis?.Dispose();
    }

    /// <summary>
    /// Listed: this host first, then every host whose silo membership has active. Allowed origins: every host ever
    /// announced, dead ones included, because a page loaded from a host that died must be let in by the survivors.
    /// </summary>
    private void Publish(ClusterMembershipSnapshot snapshot)
    {
        var active = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress.ToParsableString()).ToHashSet(StringComparer.Ordinal);
        var others = _entries
            .Where(e => active.Contains(e.Silo))
            .Select(e => Normalize(e.Url))
            .OfType<string>()
            .Where(url => !string.Equals(url, _self, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal);
        _hosts = [_self!, .. others];
        _origins = [.. _entries.Select(e => Normalize(e.Url)).OfType<string>().Append(_self!).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private string? ResolveSelf()
    {
        var configured = configuration[$"{CompraNetOptions.SectionName}:PublicUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Normalize(configured) ?? throw new InvalidOperationException(
                $"CompraNet:PublicUrl '{configured}' is not an http(s) URL of this host as browsers reach it (e.g. https://compras-1.example.gob.mx).");
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return addresses.Select(Normalize).OfType<string>().OrderBy(a => a.StartsWith("https", StringComparison.Ordinal) ? 0 : 1).FirstOrDefault();
    }

    private async Task WaitForServerAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var __ = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }
}
