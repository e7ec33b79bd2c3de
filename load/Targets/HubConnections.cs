using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CompraNet.AuctionLoad.Targets;

/// <summary>
/// Builds the tool's SignalR connections: WebSockets straight away (no negotiate round trip), JSON protocol, the
/// token as <c>access_token</c>, and no automatic reconnect — a dropped connection is a failure to report, not hide.
/// </summary>
public static class HubConnections
{
    public static HubConnection Build(Uri hubUrl, string? token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hubUrl, options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromSeconds(60);
        connection.HandshakeTimeout = TimeSpan.FromSeconds(30);
        return connection;
    }
}
