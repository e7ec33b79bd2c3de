using CompraNet.AuctionHost.Http;
using CompraNet.AuctionHost.Tests.Durability;
using CompraNet.AuctionHost.Tests.Infrastructure;
using CompraNet.AuctionHost.Tests.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CompraNet.AuctionHost.Tests.Cluster;

/// <summary>
/// Two hosts in cluster mode, one auction: clients connected to either host see every update, whichever host's
/// silo holds the auction (the SignalR Redis backplane carries a group send to every host).
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ClusterRealtimeTests(PostgresFixture postgres)
{
    [Fact]
    public async Task AuctionUpdated_BidderOnOneHostOfficerOnTheOther_BothSeeEveryBid()
    {
        await using var cluster = await HostCluster.StartAsync(postgres);
        var (hostA, hostB) = (cluster[0], cluster[1]);
        var auctionId = await CrashScenario.CreateAuctionAsync(hostA.BaseAddress);
        await using var officerOnB = await ConnectAsync(hostB, "officer1");
        await using var supplier1OnA = await ConnectAsync(hostA, "supplier1");
        await using var supplier2OnB = await ConnectAsync(hostB, "supplier2");
        await Task.WhenAll(officerOnB.JoinAsync(auctionId), supplier1OnA.JoinAsync(auctionId), supplier2OnB.JoinAsync(auctionId));

        var throughA = await supplier1OnA.PlaceBidAsync(auctionId, 8_000_000.00m);
        var first = throughA.GetProperty("sequence").GetInt64();
        var officerSawA = await officerOnB.WaitForUpdateAsync(auctionId, first);
        var throughB = await supplier2OnB.PlaceBidAsync(auctionId, 7_900_000.00m);
        var second = throughB.GetProperty("sequence").GetInt64();
        var supplier1SawB = await supplier1OnA.WaitForUpdateAsync(auctionId, second);
        var officerSawB = await officerOnB.WaitForUpdateAsync(auctionId, second);

        Assert.Equal("accepted", throughA.GetProperty("status").GetString());
        Assert.Equal("accepted", throughB.GetProperty("status").GetString());
        AssertLeader(officerSawA, "supplier1", 8_000_000.00m);
        AssertLeader(officerSawB, "supplier2", 7_900_000.00m);
        Assert.Equal(2, supplier1SawB.GetProperty("myRank").GetInt32());
    }

    private static void AssertLeader(System.Text.Json.JsonElement officerView, string supplierId, decimal amount)
    {
        var leader = officerView.GetProperty("ladder")[0];
        Assert.Equal(supplierId, leader.GetProperty("supplierId").GetString());
        Assert.Equal(amount, leader.GetProperty("amount").GetDecimal());
    }

    /// <summary>A recording hub connection to <paramref name="host"/> as <paramref name="username"/>.</summary>
    internal static async Task<HubClient> ConnectAsync(HostProcess host, string username)
    {
        var token = await CrashScenario.TokenAsync(host.BaseAddress, username);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, "/hubs/auctions"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddJsonProtocol(options => JsonDefaults.Apply(options.PayloadSerializerOptions))
            .Build();
        return await HubClient.StartAsync(connection, $"{username}@{host.BaseAddress.Port}");
    }
}
