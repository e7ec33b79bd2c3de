namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// Turns a snapshot into exactly what one audience may see (PROTOCOL.md "Views", auction-rules.md rule 8):
/// a bidder sees its own position per the feedback mode and anonymous labels, never another identity before the
/// close; officers see the full ladder; the public sees the common fields and the bid count.
/// </summary>
public static class AuctionViews
{
    /// <summary>The view of one viewer; a supplier who is not invited gets the public view.</summary>
    public static AuctionView For(AuctionSnapshot snapshot, Viewer viewer) => viewer.Audience switch
    {
        Audience.Officer => snapshot.Views.Officer(),
        Audience.Supplier when viewer.SupplierId is { } id && snapshot.Labels.ContainsKey(id) => snapshot.Views.Supplier(id),
        _ => snapshot.Views.Public(),
    };

    /// <summary>Every audience's view of one snapshot, computed together in linear time (what a broadcast needs).</summary>
    public static AuctionBroadcast ForEveryone(AuctionSnapshot snapshot)
    {
        var views = snapshot.Views;
        var suppliers = new List<KeyValuePair<string, AuctionView>>(snapshot.Terms.Bidders.Length);
        foreach (var bidder in snapshot.Terms.Bidders)
        {
            suppliers.Add(new(bidder.SupplierId, views.Supplier(bidder.SupplierId)));
        }

        return new AuctionBroadcast(snapshot.AuctionId, snapshot.Closed, views.Public(), views.Officer(), suppliers);
    }
}
