using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionGrains.Tenders;

namespace CompraNet.AuctionHost.Persistence;

/// <summary>The two hash-chained journals, as both databases' journal classes share them.</summary>
internal static class JournalTables
{
    public static readonly JournalTable<JournalEntry> Auction = new(
        "auction_journal",
        "auction_id",
        "auction",
        e => e.AuctionId,
        e => new(e.Sequence, e.Type, e.At, e.Payload, e.PreviousHash, e.Hash),
        (id, c) => new(id, c.Sequence, c.Type, c.At, c.Payload, c.PreviousHash, c.Hash));

    public static readonly JournalTable<TenderJournalEntry> Tender = new(
        "tender_journal",
        "tender_id",
        "tender",
        e => e.TenderId,
        e => new(e.Sequence, e.Type, e.At, e.Payload, e.PreviousHash, e.Hash),
        (id, c) => new(id, c.Sequence, c.Type, c.At, c.Payload, c.PreviousHash, c.Hash));
}
