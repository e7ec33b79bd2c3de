namespace CompraNet.AuctionGrains.Tenders;

// Append members, never reorder: the values travel on the wire.

/// <summary>Where a tender stands, as every audience sees it.</summary>
public enum TenderPhase
{
    /// <summary>Before the submission deadline: offers are submitted, replaced and withdrawn, all sealed.</summary>
    AcceptingOffers = 0,

    /// <summary>The deadline has come; the offers are still sealed until an officer opens them.</summary>
    AwaitingOpening = 1,

    /// <summary>Every live offer was revealed at once; the minutes are public.</summary>
    Opened = 2,
}

/// <summary>What became of one submitted offer.</summary>
public enum OfferState
{
    Live = 0,

    /// <summary>The same supplier submitted a later offer, which took its place.</summary>
    Replaced = 1,

    Withdrawn = 2,
}
