using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CompraNet.AuctionHost.Tests.Infrastructure;

namespace CompraNet.AuctionHost.Tests.Auctions;

/// <summary>REST calls of PROTOCOL.md and assertions on their wire format, read as raw JSON.</summary>
public static class Api
{
    public static readonly string[] Suppliers = ["supplier1", "supplier2", "supplier3", "supplier4", "supplier5"];

    public static string AuctionPath(string auctionId) => $"/api/auctions/{Uri.EscapeDataString(auctionId)}";

    public static string BidsPath(string auctionId) => $"{AuctionPath(auctionId)}/bids";

    public static string TranscriptPath(string auctionId) => $"{AuctionPath(auctionId)}/transcript";

    public static async Task<ApiResponse> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers, text);
    }

    public static Task<ApiResponse> GetAsync(HttpClient client, string path) => SendAsync(client, HttpMethod.Get, path);

    public static Task<ApiResponse> PostAsync(HttpClient client, string path, object body) =>
        SendAsync(client, HttpMethod.Post, path, JsonContent.Create(body, options: RunningHost.Json));

    public static Task<ApiResponse> PostRawAsync(HttpClient client, string path, string body, string mediaType = "application/json") =>
        SendAsync(client, HttpMethod.Post, path, new StringContent(body, Encoding.UTF8, mediaType));

    /// <summary>A bid as a supplier's software sends it: the amount as a JSON number, a fresh UUID unless given.</summary>
    public static Task<ApiResponse> BidAsync(HttpClient client, string auctionId, decimal amount, string? bidId = null, bool confirm = false) =>
        PostRawAsync(client, BidsPath(auctionId), BidBody(amount, bidId ?? Guid.NewGuid().ToString(), confirm));

    public static string BidBody(decimal amount, string bidId, bool confirm = false) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"amount": {{amount}}, "bidId": "{{bidId}}", "confirm": {{(confirm ? "true" : "false")}}}""");

    /// <summary>Asserts an accepted bid (200) and returns its bid result.</summary>
    public static JsonElement AssertAccepted(ApiResponse response)
    {
        Assert.True(response.Status == HttpStatusCode.OK, $"Expected an accepted bid, got {response}");
        Assert.Equal("accepted", response.Json.GetProperty("status").GetString());
        return response.Json;
    }

    /// <summary>Asserts an RFC 9457 problem with this status and stable <c>code</c>, and returns its body.</summary>
    public static JsonElement AssertProblem(ApiResponse response, HttpStatusCode status, string code)
    {
        Assert.True(response.Status == status, $"Expected {(int)status} {code}, got {response}");
        Assert.Equal("application/problem+json", response.MediaType);
        var body = response.Json;
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
        return body;
    }

    /// <summary>Asserts a refused bid: 422 problem details whose <c>code</c> and <c>bidResult</c> carry the refusal code.</summary>
    public static JsonElement AssertRefused(ApiResponse response, string code)
    {
        var problem = AssertProblem(response, HttpStatusCode.UnprocessableEntity, code);
        var result = problem.GetProperty("bidResult");
        Assert.Equal("refused", result.GetProperty("status").GetString());
        Assert.Equal(code, result.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetString()));
        Assert.False(result.TryGetProperty("sequence", out _), "A refused bid has no sequence.");
        return result;
    }

    /// <summary>Asserts an ISO-8601 UTC time with a Z (PROTOCOL.md) and returns it.</summary>
    public static DateTimeOffset AssertUtc(JsonElement element, string property)
    {
        var text = element.GetProperty(property).GetString();
        Assert.NotNull(text);
        Assert.EndsWith("Z", text, StringComparison.Ordinal);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }

    /// <summary>Asserts a JSON number (money is never a string) and returns it as decimal.</summary>
    public static decimal AssertMoney(JsonElement element, string property)
    {
        var value = element.GetProperty(property);
        Assert.Equal(JsonValueKind.Number, value.ValueKind);
        return value.GetDecimal();
    }

    /// <summary>Asserts that no supplier id except <paramref name="self"/>'s appears anywhere in the raw JSON text.</summary>
    public static void AssertNoOtherSupplierIds(string rawJson, string? self)
    {
        foreach (var supplier in Suppliers.Where(s => s != self))
        {
            Assert.DoesNotContain(supplier, rawJson, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("\"supplierId\"", rawJson, StringComparison.Ordinal);
    }

    public static string[] SupplierIdsOf(JsonElement entries) =>
        [.. entries.EnumerateArray().Select(e => e.GetProperty("supplierId").GetString()!)];
}
