using System.Security.Cryptography;
using System.Text;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>
/// <c>X-CompraNet-Signature: sha256=&lt;hex HMAC-SHA256 of "{timestamp}.{body}"&gt;</c> with the subscription's secret. The
/// timestamp is signed too, so a receiver that refuses old timestamps also refuses a replayed delivery.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";

    public static string Sign(string secret, string timestamp, string body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public static bool Verify(string secret, string timestamp, string body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
