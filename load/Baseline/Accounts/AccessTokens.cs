using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CompraNet.Baseline.Accounts;

/// <summary>
/// Opaque tokens that simply carry the username (base64url): this app is a measuring stick, not a product, so there
/// is no signature and no expiry check. What it keeps from the engine is that identity comes from the token only.
/// </summary>
public static class AccessTokens
{
    private const string Prefix = "baseline.";

    public static string Issue(string username) => Prefix + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(username));

    public static bool TryRead(string? token, [NotNullWhen(true)] out string? username)
    {
        username = null;
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var encoded = token.AsSpan(Prefix.Length);
        if (encoded.IsEmpty || !Base64Url.IsValid(encoded))
        {
            return false;
        }

        username = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(encoded));
        return username.Length > 0;
    }
}
