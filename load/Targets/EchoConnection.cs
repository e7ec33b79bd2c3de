using CompraNet.AuctionLoad.Simulations;
using Microsoft.AspNetCore.SignalR.Client;

namespace CompraNet.AuctionLoad.Targets;

/// <summary>A connection to the baseline app's bare echo hub (<c>/hubs/echo</c>): the transport's round trip and nothing else.</summary>
public sealed class EchoConnection(HubConnection connection, string payload) : IAsyncDisposable
{
    public static EchoConnection Create(LoadTarget target, string payload) =>
        new(HubConnections.Build(target.Hub("hubs/echo"), token: null), payload);

    public Task StartAsync(CancellationToken cancellationToken) => connection.StartAsync(cancellationToken);

    public async Task<StepOutcome> EchoAsync(CancellationToken cancellationToken)
    {
        var echoed = await connection.InvokeAsync<string>("Echo", payload, cancellationToken);
        return echoed?.Length == payload.Length ? StepOutcome.Ok : StepOutcome.Fail("echo-mismatch");
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
