using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CompraNet.AuctionHost.Tests.Realtime;

namespace CompraNet.AuctionHost.Tests.Auctions;

/// <summary>
/// <c>GET /api/auctions/{auctionId}/transcript</c>: sealed to officers and auditors until the close, public after it
/// with the ranking, and hash-chained so anyone can recompute it (PROTOCOL.md; auction-rules.md rules 7, 11, 12).
/// </summary>
[Trait("Category", "Integration")]
public sealed class AuctionEndpointsTranscriptTests(AuctionHostFixture fixture) : IClassFixture<AuctionHostFixture>
{
    private static readonly string GenesisHash = new('0', 64);

    [Fact]
    public async Task TranscriptAsync_BeforeTheCloseAsPublic_Returns401Sealed()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var anonymous = await fixture.ClientAsync();

        var response = await Api.GetAsync(anonymous, Api.TranscriptPath(auctionId));

        Api.AssertProblem(response, HttpStatusCode.Unauthorized, "transcript-sealed");
    }

    [Theory]
    [InlineData("supplier1")]
    [InlineData("supplier4")]
    public async Task TranscriptAsync_BeforeTheCloseAsSupplier_Returns403Sealed(string username)
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier = await fixture.ClientAsync(username);

        var response = await Api.GetAsync(supplier, Api.TranscriptPath(auctionId));

        Api.AssertProblem(response, HttpStatusCode.Forbidden, "transcript-sealed");
    }

    [Theory]
    [InlineData("officer1")]
    [InlineData("auditor1")]
    public async Task TranscriptAsync_BeforeTheCloseAsOfficerOrAuditor_Returns200WithAVerifiableChain(string username)
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");
        using var supplier2 = await fixture.ClientAsync("supplier2");
        var bids = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 980_000.00m, bids[0].ToString()));
        Api.AssertAccepted(await Api.BidAsync(supplier2, auctionId, 975_500.50m, bids[1].ToString()));
        Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 970_000.00m, bids[2].ToString()));
        using var client = await fixture.ClientAsync(username);

        var response = await Api.GetAsync(client, Api.TranscriptPath(auctionId));

        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        var transcript = response.Json;
        Assert.Equal(auctionId, transcript.GetProperty("auctionId").GetString());
        Assert.Equal("open", transcript.GetProperty("status").GetString());
        Assert.True(transcript.GetProperty("chainVerified").GetBoolean());
        Assert.False(transcript.TryGetProperty("result", out var result) && result.ValueKind != JsonValueKind.Null);
        var entries = VerifyChain(transcript);
        Assert.Equal(["initial-offer", "initial-offer", "initial-offer", "opened", "bid-accepted", "bid-accepted", "bid-accepted"], entries.Select(e => e.Type));
        Assert.Equal(["supplier1", "supplier2", "supplier5"], entries.Take(3).Select(e => e.Payload.GetProperty("supplierId").GetString()));
        var accepted = entries.Where(e => e.Type == "bid-accepted").ToList();
        Assert.Equal(["supplier1", "supplier2", "supplier1"], accepted.Select(e => e.Payload.GetProperty("supplierId").GetString()));
        Assert.Equal(bids.Select(b => b.ToString()), accepted.Select(e => e.Payload.GetProperty("bidId").GetString()));
        Assert.Equal([980_000.00m, 975_500.50m, 970_000.00m], accepted.Select(e => Api.AssertMoney(e.Payload, "amount")));
    }

    [Fact]
    public async Task TranscriptAsync_AfterTheClose_IsPublicWithTheRankingAndTheRefusalCounts()
    {
        await using var audience = await HubClient.ConnectAsync(fixture.Host, null, "public");
        var auctionId = await fixture.CreateShortAuctionAsync(TimeSpan.FromSeconds(4));
        await audience.JoinAsync(auctionId);
        using var supplier1 = await fixture.ClientAsync("supplier1");
        using var supplier2 = await fixture.ClientAsync("supplier2");
        using var anonymous = await fixture.ClientAsync();
        Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 980_000.00m));
        Api.AssertRefused(await Api.BidAsync(supplier2, auctionId, 984_500.00m), "step-too-small");
        await audience.WaitForClosedAsync(auctionId, TimeSpan.FromSeconds(20));

        var asPublic = await Api.GetAsync(anonymous, Api.TranscriptPath(auctionId));
        var asSupplier = await Api.GetAsync(supplier2, Api.TranscriptPath(auctionId));
        var lateBid = await Api.BidAsync(supplier2, auctionId, 900_000.00m, confirm: true);
        var view = await Api.GetAsync(anonymous, Api.AuctionPath(auctionId));

        Assert.True(asPublic.Status == HttpStatusCode.OK, asPublic.ToString());
        Assert.Equal(HttpStatusCode.OK, asSupplier.Status);
        var transcript = asPublic.Json;
        Assert.Equal("closed", transcript.GetProperty("status").GetString());
        Assert.True(transcript.GetProperty("chainVerified").GetBoolean());
        var ranking = transcript.GetProperty("result").GetProperty("ranking");
        Assert.Equal(["supplier1", "supplier2", "supplier5"], Api.SupplierIdsOf(ranking));
        Assert.Equal([1, 2, 3], ranking.EnumerateArray().Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Equal([980_000.00m, 985_000.00m, 995_000.00m], ranking.EnumerateArray().Select(r => Api.AssertMoney(r, "amount")));
        Assert.Equal(980_000.00m, Api.AssertMoney(ranking[0], "score"));
        var entries = VerifyChain(transcript);
        var close = entries[^1];
        Assert.Equal("closed", close.Type);
        Assert.Equal(1, close.Payload.GetProperty("refusals").GetProperty("step-too-small").GetInt32());
        Assert.Single(entries, e => e.Type == "bid-accepted");

        Api.AssertRefused(lateBid, "closed");
        Assert.Equal("closed", view.Json.GetProperty("status").GetString());
        Assert.Equal(["supplier1", "supplier2", "supplier5"], Api.SupplierIdsOf(view.Json.GetProperty("ranking")));
        Assert.Equal(asPublic.Text, (await Api.GetAsync(anonymous, Api.TranscriptPath(auctionId))).Text);
    }

    [Theory]
    [InlineData("NO-SUCH-AUCTION-4711")]
    [InlineData("not a valid id")]
    public async Task TranscriptAsync_UnknownAuction_Returns404(string auctionId)
    {
        using var officer = await fixture.ClientAsync("officer1");

        var response = await Api.GetAsync(officer, Api.TranscriptPath(auctionId));

        Api.AssertProblem(response, HttpStatusCode.NotFound, "not-found");
    }

    /// <summary>Recomputes the chain from the transcript alone, as PROTOCOL.md promises anyone can.</summary>
    private static List<(long Sequence, string Type, JsonElement Payload)> VerifyChain(JsonElement transcript)
    {
        var verified = new List<(long, string, JsonElement)>();
        var previous = GenesisHash;
        var expectedSequence = 1L;
        foreach (var entry in transcript.GetProperty("entries").EnumerateArray())
        {
            var sequence = entry.GetProperty("sequence").GetInt64();
            var type = entry.GetProperty("type").GetString()!;
            var payloadText = entry.GetProperty("payload").GetString()!;
            var hash = entry.GetProperty("hash").GetString()!;
            Assert.Equal(expectedSequence++, sequence);
            Assert.Equal(previous, entry.GetProperty("previousHash").GetString());
            Assert.Equal(Sha256Hex(previous + payloadText), hash);
            Assert.Matches("^[0-9a-f]{64}$", hash);

            using var document = JsonDocument.Parse(payloadText);
            var payload = document.RootElement.Clone();
            Assert.Equal(sequence, payload.GetProperty("sequence").GetInt64());
            Assert.Equal(type, payload.GetProperty("type").GetString());
            var at = Api.AssertUtc(entry, "at");
            var payloadAt = Api.AssertUtc(payload, "at");
            Assert.True((at - payloadAt).Duration() < TimeSpan.FromMilliseconds(1), $"Entry {sequence}: at {at:O} but the payload says {payloadAt:O}");
            if (type is "initial-offer" or "bid-accepted")
            {
                Assert.StartsWith("supplier", payload.GetProperty("supplierId").GetString(), StringComparison.Ordinal);
                Assert.Equal(JsonValueKind.Number, payload.GetProperty("amount").ValueKind);
            }

            if (type == "bid-accepted")
            {
                Assert.True(Guid.TryParse(payload.GetProperty("bidId").GetString(), out _));
                Assert.False(payload.GetProperty("surrogate").GetBoolean());
            }

            verified.Add((sequence, type, payload));
            previous = hash;
        }

        Assert.NotEmpty(verified);
        return verified;
    }

    private static string Sha256Hex(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLower(CultureInfo.InvariantCulture);
}
