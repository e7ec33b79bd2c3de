using System.Collections.Concurrent;
using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tests.Auctions;

/// <summary>A sanction list the test sets and clears while the auction runs.</summary>
public sealed class SettableSanctionRegistry : ISanctionRegistry
{
    private readonly ConcurrentDictionary<string, bool> _sanctioned = new(StringComparer.Ordinal);

    public void Sanction(string supplierId) => _sanctioned[supplierId] = true;

    public void Lift(string supplierId) => _sanctioned.TryRemove(supplierId, out _);

    public bool IsSanctioned(string supplierId, DateTimeOffset at) => _sanctioned.ContainsKey(supplierId);
}
