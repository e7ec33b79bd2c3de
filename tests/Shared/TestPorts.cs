using System.Net;
using System.Net.Sockets;

namespace CompraNet.Tests.Shared;

/// <summary>
/// Free loopback ports for the hosts tests start (HTTP, Orleans silo and gateway). They are taken below Linux's
/// ephemeral range (32768–60999), so an outgoing connection — to PostgreSQL, Redis, another host — cannot be given
/// the port between this check and the host's bind, which port 0 allowed; each port is handed out once per test
/// process, from a random start so that test processes running side by side walk different ports.
/// </summary>
public static class TestPorts
{
    private const int First = 20_000;
    private const int Count = 12_000;

    private static int _next = Random.Shared.Next(Count);

    public static int Free()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _next) % Count);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken by something else: try the next one
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {First + Count - 1}.");
    }
}
