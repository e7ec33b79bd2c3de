using System.Net;
using System.Net.Sockets;

namespace CompraNet.AuctionHost.Tests.Infrastructure;

/// <summary>Free loopback ports for hosts started by tests (HTTP, Orleans silo and gateway).</summary>
public static class TestPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
