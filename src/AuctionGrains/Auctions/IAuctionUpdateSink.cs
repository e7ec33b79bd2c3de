namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// Where an auction grain hands each durable change, outside its turn: the host's broadcaster, which sends every
/// audience its view. <see cref="Publish"/> must return at once: a grain never awaits a client.
/// </summary>
public interface IAuctionUpdateSink
{
    void Publish(AuctionSnapshot snapshot);
}
