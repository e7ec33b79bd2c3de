using System.Net;

namespace CompraNet.AuctionHost.Tests.Auctions;

/// <summary><c>/health</c> and <c>/openapi/v1.json</c> (PROTOCOL.md "Health and description").</summary>
[Trait("Category", "Integration")]
public sealed class AuctionApiDescriptionTests(AuctionHostFixture fixture) : IClassFixture<AuctionHostFixture>
{
    [Fact]
    public async Task Health_StorageReachable_Returns200()
    {
        using var anonymous = await fixture.ClientAsync();

        var response = await Api.GetAsync(anonymous, "/health");

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheAuctionAndIdentityPaths()
    {
        using var anonymous = await fixture.ClientAsync();

        var response = await Api.GetAsync(anonymous, "/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var paths = response.Json.GetProperty("paths");
        foreach (var (path, method) in new[]
        {
            ("/api/auctions", "post"),
            ("/api/auctions/{auctionId}", "get"),
            ("/api/auctions/{auctionId}/bids", "post"),
            ("/api/auctions/{auctionId}/transcript", "get"),
            ("/api/auth/token", "post"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the OpenAPI document: {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
            Assert.True(item.TryGetProperty(method, out _), $"{method} {path} is not in the OpenAPI document");
        }
    }
}
