namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// The supplier registry's sanctions, asked on every bid (rule 3: sanctions apply at the moment of the bid).
/// Synchronous and in memory on purpose: it sits on the bid path. The host keeps it current.
/// </summary>
public interface ISanctionRegistry
{
    bool IsSanctioned(string supplierId, DateTimeOffset at);
}
