using System.Net.Http.Json;
using CompraNet.AuctionHost.Hosting;

namespace CompraNet.AuctionHost.Tests.Auctions;

/// <summary>Embedded mode: the host directory is the host alone, and no other origin may call it from a browser.</summary>
public sealed class HostsEndpointTests(AuctionHostFixture fixture) : IClassFixture<AuctionHostFixture>
{
    [Fact]
    public async Task Hosts_Embedded_ListsThisHostOnly()
    {
        using var http = fixture.Host.Client();

        var hosts = await http.GetFromJsonAsync<HostsResponse>("/api/hosts");

        var self = fixture.Host.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.NotNull(hosts);
        Assert.Equal(self, hosts.Self);
        Assert.Equal([self], hosts.Hosts);
    }

    [Fact]
    public async Task Cors_Embedded_RefusesOtherOrigins()
    {
        using var http = fixture.Host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/auctions");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        using var response = await http.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
