using System.Net;
using CompraNet.AuctionHost.Tests.Auctions;

namespace CompraNet.AuctionHost.Tests.Accounts;

/// <summary><c>POST /api/auth/token</c> (PROTOCOL.md "Identity") against the real host with its demo accounts.</summary>
[Trait("Category", "Integration")]
public sealed class AuthEndpointsTests(AuctionHostFixture fixture) : IClassFixture<AuctionHostFixture>
{
    [Theory]
    [InlineData("officer1", "officer")]
    [InlineData("auditor1", "auditor")]
    [InlineData("coordinator1", "coordinator")]
    [InlineData("supplier1", "supplier")]
    [InlineData("supplier5", "supplier")]
    public async Task IssueTokenAsync_DemoAccount_ReturnsBearerTokenWithSubjectAndRole(string username, string role)
    {
        using var anonymous = await fixture.ClientAsync();

        var response = await Api.PostAsync(anonymous, "/api/auth/token", new { username, password = "demo" });

        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        var body = response.Json;
        Assert.Equal(3, body.GetProperty("accessToken").GetString()!.Split('.').Length);
        Assert.Equal(username, body.GetProperty("subject").GetString());
        Assert.Equal(role, body.GetProperty("role").GetString());
        var expiresAt = Api.AssertUtc(body, "expiresAt");
        Assert.True(expiresAt > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task IssueTokenAsync_WrongPassword_Returns401()
    {
        using var anonymous = await fixture.ClientAsync();

        var response = await Api.PostAsync(anonymous, "/api/auth/token", new { username = "supplier2", password = "not-demo" });

        Api.AssertProblem(response, HttpStatusCode.Unauthorized, "invalid-credentials");
        Assert.False(response.Json.TryGetProperty("accessToken", out _));
    }

    [Fact]
    public async Task IssueTokenAsync_UnknownUser_Returns401LikeAWrongPassword()
    {
        using var anonymous = await fixture.ClientAsync();

        var unknown = await Api.PostAsync(anonymous, "/api/auth/token", new { username = $"nobody-{Guid.NewGuid():N}", password = "demo" });
        var wrong = await Api.PostAsync(anonymous, "/api/auth/token", new { username = "supplier3", password = "wrong" });

        var unknownBody = Api.AssertProblem(unknown, HttpStatusCode.Unauthorized, "invalid-credentials");
        var wrongBody = Api.AssertProblem(wrong, HttpStatusCode.Unauthorized, "invalid-credentials");
        Assert.Equal(wrongBody.GetProperty("title").GetString(), unknownBody.GetProperty("title").GetString());
    }

    [Fact]
    public async Task IssueTokenAsync_TooManyAttemptsForOneAccount_Returns429WithRetryAfter()
    {
        var username = $"guess-{Guid.NewGuid():N}";
        using var anonymous = await fixture.ClientAsync();
        for (var i = 0; i < 20; i++)
        {
            Api.AssertProblem(await Api.PostAsync(anonymous, "/api/auth/token", new { username, password = $"guess{i}" }), HttpStatusCode.Unauthorized, "invalid-credentials");
        }

        var throttled = await Api.PostAsync(anonymous, "/api/auth/token", new { username = username.ToUpperInvariant(), password = "demo" });
        var other = await Api.PostAsync(anonymous, "/api/auth/token", new { username = "supplier4", password = "demo" });

        Api.AssertProblem(throttled, HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.NotNull(throttled.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }

    [Theory]
    [InlineData("""{"username": "supplier1"}""", 400, "validation")]
    [InlineData("""{"password": "demo"}""", 400, "validation")]
    [InlineData("""{"username": "supplier1", "password": """, 400, "invalid")]
    public async Task IssueTokenAsync_IncompleteOrMalformedBody_Returns400(string body, int status, string code)
    {
        using var anonymous = await fixture.ClientAsync();

        var response = await Api.PostRawAsync(anonymous, "/api/auth/token", body);

        Api.AssertProblem(response, (HttpStatusCode)status, code);
    }
}
