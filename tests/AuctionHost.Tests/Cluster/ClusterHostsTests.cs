using System.Net.Http.Json;
using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Tests.Infrastructure;

namespace CompraNet.AuctionHost.Tests.Cluster;

/// <summary>
/// <c>GET /api/hosts</c> lists the cluster's live hosts, and a host accepts cross-origin calls from the other hosts'
/// origins only: how a page loaded from one host carries on through another when its own dies.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ClusterHostsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Hosts_ListEveryLiveHost_AndDropAKilledOne()
    {
        await using var cluster = await HostCluster.StartAsync(postgres);
        var (a, b) = (cluster[0], cluster[1]);

        var both = await WaitForHostsAsync(a, hosts => hosts.Count == 2);
        Assert.Equal(Origin(a), both.Self);
        Assert.Equal(Origin(a), both.Hosts[0]);
        Assert.Contains(Origin(b), both.Hosts);

        await b.KillAsync();
        var alone = await WaitForHostsAsync(a, hosts => hosts.Count == 1);
        Assert.Equal([Origin(a)], alone.Hosts);

        // Pages loaded from the dead host must still be let in by the survivor.
        using var http = new HttpClient { BaseAddress = a.BaseAddress };
        using var fromDeadHost = await PreflightAsync(http, Origin(b));
        Assert.Equal(Origin(b), Assert.Single(fromDeadHost.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Cors_AllowsTheOtherHostsOrigin_NotAStrangers()
    {
        await using var cluster = await HostCluster.StartAsync(postgres);
        var (a, b) = (cluster[0], cluster[1]);
        await WaitForHostsAsync(a, hosts => hosts.Count == 2);
        using var http = new HttpClient { BaseAddress = a.BaseAddress };

        using var fromB = await PreflightAsync(http, Origin(b));
        using var fromStranger = await PreflightAsync(http, "https://evil.example");

        Assert.Equal(Origin(b), Assert.Single(fromB.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(fromB.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.False(fromStranger.Headers.Contains("Access-Control-Allow-Origin"));
    }

    internal static string Origin(HostProcess host) => host.BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>Polls the host's list (refreshed every few seconds; membership declares a killed host dead in a few more).</summary>
    internal static async Task<HostsResponse> WaitForHostsAsync(HostProcess host, Func<IReadOnlyList<string>, bool> condition)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        HostsResponse? last = null;
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (DateTime.UtcNow < deadline)
        {
            last = await http.GetFromJsonAsync<HostsResponse>("/api/hosts");
            if (last is not null && condition(last.Hosts))
            {
                return last;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"{host.BaseAddress} never listed the expected hosts; last: {string.Join(", ", last?.Hosts ?? [])}");
        return null!;
    }

    private static Task<HttpResponseMessage> PreflightAsync(HttpClient http, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/hubs/auctions/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,x-requested-with,x-signalr-user-agent");
        return http.SendAsync(request);
    }
}
