using Microsoft.AspNetCore.SignalR;

namespace CompraNet.Baseline.Realtime;

/// <summary>The transport's ceiling: a SignalR round trip that does no work at all.</summary>
public sealed class EchoHub : Hub
{
    public string Echo(string payload) => payload;
}
