using System.Text.Json;
using CompraNet.AuctionLoad.Simulations;
using Microsoft.AspNetCore.SignalR.Client;

namespace CompraNet.AuctionLoad.Targets;

/// <summary>One supplier's connection to <c>/hubs/auctions</c>: it bids with a fresh UUID per bid and reads the acknowledgement.</summary>
public sealed class BidderConnection(string supplierId, HubConnection connection) : IAsyncDisposable
{
    public const string AcceptedStatus = "accepted";

    public string SupplierId { get; } = supplierId;

    public static BidderConnection Create(LoadTarget target, string supplierId, string token) =>
        new(supplierId, HubConnections.Build(target.Hub("hubs/auctions"), token));

    public Task StartAsync(CancellationToken cancellationToken) => connection.StartAsync(cancellationToken);

    public Task<JsonElement> JoinAsync(string auctionId, CancellationToken cancellationToken) =>
        connection.InvokeAsync<JsonElement>("Join", auctionId, cancellationToken);

    public async Task<StepOutcome> PlaceBidAsync(string auctionId, decimal amount, CancellationToken cancellationToken)
    {
        var ack = await connection.InvokeAsync<BidAck>("PlaceBid", auctionId, amount, Guid.NewGuid().ToString(), false, cancellationToken);
        return ack.Status == AcceptedStatus ? StepOutcome.Ok : StepOutcome.Fail(ack.Code ?? ack.Status ?? "no-status");
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
