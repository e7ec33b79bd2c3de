using System.Net;

namespace CompraNet.AuctionLoad.Settings;

/// <summary>The tool only ever loads a host on this machine: a target whose host is not loopback is refused.</summary>
public static class LoopbackUrl
{
    public static bool TryParse(string text, out Uri url, out string error)
    {
        error = string.Empty;
        if (!Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out url!) || url.Scheme is not ("http" or "https"))
        {
            error = $"--url must be an absolute http(s) URL, got '{text}'.";
            return false;
        }

        if (!IsLoopback(url.Host))
        {
            error = $"--url must point at this machine (localhost, 127.0.0.1 or ::1); '{url.Host}' is not loopback. The load tool never loads other hosts.";
            return false;
        }

        return true;
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
