using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tests.Auctions;

/// <summary>Drives an <see cref="AuctionBook"/> the way the grain does: decide with the rules, then apply the events.</summary>
public static class AuctionBookExtensions
{
    /// <summary>A book with the terms' initial offers recorded and whatever phase change is due at <paramref name="now"/> applied.</summary>
    public static AuctionBook OpenBook(this AuctionTerms terms, DateTimeOffset now)
    {
        var book = new AuctionBook(terms);
        book.ApplyAll(AuctionRules.Genesis(terms, terms.StartsAt));
        book.ApplyAll(AuctionRules.Advance(book, now));
        return book;
    }

    /// <summary>Evaluates a bid and applies what the rules decided; returns the decision.</summary>
    public static BidDecision Bid(
        this AuctionBook book, string supplierId, decimal amount, DateTimeOffset now, bool confirm = false, bool sanctioned = false, Guid? bidId = null)
    {
        var decision = AuctionRules.Evaluate(book, new PlaceBid(supplierId, amount, bidId ?? Guid.NewGuid(), confirm), now, sanctioned);
        book.ApplyAll(decision.Events);
        return decision;
    }

    public static void ApplyAll(this AuctionBook book, IEnumerable<AuctionEvent> events)
    {
        foreach (var e in events)
        {
            book.Apply(e);
        }
    }
}
