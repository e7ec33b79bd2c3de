using System.Net;
using System.Net.Sockets;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>
/// Which URLs a subscription may name. The portal calls them from inside the government's network, so a loopback,
/// private or link-local target would let a subscriber reach internal services through the portal (SSRF); those are
/// refused unless <see cref="InterconnectionOptions.AllowPrivateWebhookTargets"/> allows them (development, tests, demo).
/// </summary>
public static class WebhookTargets
{
    /// <summary>Null when the URL may be used, else why not.</summary>
    public static async Task<string?> CheckAsync(string? url, bool allowPrivate, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.UserInfo) || url.Length > 2000)
        {
            return "Give an absolute http or https URL, without user information, up to 2000 characters.";
        }

        if (allowPrivate)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return "The URL's host does not resolve.";
        }

        return addresses.Length == 0 || addresses.Any(IsInternal) ? "The URL points at a loopback, private or link-local address, which webhooks may not reach." : null;
    }

    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal
            || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var b = address.GetAddressBytes();
        return b[0] is 10 or 127 or 0
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }
}
