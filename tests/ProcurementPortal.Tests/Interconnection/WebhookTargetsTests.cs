using CompraNet.ProcurementPortal.Features.Interconnection;

namespace CompraNet.ProcurementPortal.Tests.Interconnection;

/// <summary>Which webhook URLs are refused outside development (SSRF), and the signature receivers check.</summary>
public sealed class WebhookTargetsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("https://172.20.1.1/hook")]
    [InlineData("https://192.168.1.10/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[::ffff:10.0.0.1]/hook")]
    public async Task CheckAsync_InternalTarget_IsRefusedUnlessAllowed(string url)
    {
        Assert.NotNull(await WebhookTargets.CheckAsync(url, allowPrivate: false, CancellationToken.None));
        Assert.Null(await WebhookTargets.CheckAsync(url, allowPrivate: true, CancellationToken.None));
    }

    [Theory]
    [InlineData("ftp://example.org/x")]
    [InlineData("/relative")]
    [InlineData("https://user:pass@example.org/x")]
    [InlineData(null)]
    public async Task CheckAsync_NotAnHttpUrl_IsRefusedEvenWhenPrivateIsAllowed(string? url) =>
        Assert.NotNull(await WebhookTargets.CheckAsync(url, allowPrivate: true, CancellationToken.None));

    [Fact]
    public async Task CheckAsync_PublicAddress_IsAccepted() =>
        Assert.Null(await WebhookTargets.CheckAsync("https://203.0.113.7/hooks/compranet", allowPrivate: false, CancellationToken.None));

    [Fact]
    public void Sign_IsHexHmacOfTimestampDotBody()
    {
        var signature = WebhookSignature.Sign("secret", "1700000000", "{\"a\":1}");

        Assert.Equal("sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("secret"u8, "1700000000.{\"a\":1}"u8)), signature);
        Assert.True(WebhookSignature.Verify("secret", "1700000000", "{\"a\":1}", signature));
        Assert.False(WebhookSignature.Verify("secret", "1700000001", "{\"a\":1}", signature));
    }

    [Fact]
    public void Backoff_GrowsThenStaysAtSixHours()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), WebhookDispatcher.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(30), WebhookDispatcher.Backoff(2));
        Assert.Equal(TimeSpan.FromMinutes(2), WebhookDispatcher.Backoff(3));
        Assert.Equal(TimeSpan.FromHours(6), WebhookDispatcher.Backoff(12));
    }
}
