using System.Net;
using System.Net.Sockets;

namespace CompraNet.AuctionLoad.Orchestration;

/// <summary>Ports the operating system reports free on loopback, for the processes compare starts.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
