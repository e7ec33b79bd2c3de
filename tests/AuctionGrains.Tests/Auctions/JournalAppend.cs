using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tests.Auctions;

/// <summary>One call to <see cref="IAuctionJournal.AppendAsync"/> as the test journal saw it.</summary>
public sealed record JournalAppend(string AuctionId, IReadOnlyList<JournalEntry> Entries, bool Succeeded);
