namespace CompraNet.AuctionGrains.Auctions;

// The enums below travel on the wire in kebab-case ("lead-rank", "earlier-wins"); append members, never reorder.

/// <summary>Auction format. Only the continuous format with soft close exists so far.</summary>
public enum AuctionFormat
{
    Continuous = 0,
}

/// <summary>Whether the minimum step is an amount of money or a percent of the reference price.</summary>
public enum StepKind
{
    Amount = 0,
    Percent = 1,
}

/// <summary>What a bid must undercut: the bidder's own previous bid ("dynamic") or the leading bid ("classic").</summary>
public enum StepReference
{
    Own = 0,
    Leader = 1,
}

/// <summary>How equal scores are handled: earlier accepted ranks first, or a bid that only ties the leader is refused.</summary>
public enum TieRule
{
    EarlierWins = 0,
    MustBeat = 1,
}

/// <summary>Which accepted bids inside the soft-close window extend the auction.</summary>
public enum ExtensionTrigger
{
    Leader = 0,
    Rank = 1,
}

/// <summary>What a bidder learns during the auction (announced in the invitation).</summary>
public enum FeedbackMode
{
    Rank = 0,
    Lead = 1,
    LeadRank = 2,
    BestPrice = 3,
    Ladder = 4,
}

/// <summary>Phase of an auction as every audience sees it.</summary>
public enum AuctionStatus
{
    Scheduled = 0,
    Open = 1,
    Paused = 2,
    Closed = 3,
    Cancelled = 4,
}

/// <summary>Who is looking: decides what a view may contain.</summary>
public enum Audience
{
    Public = 0,
    Supplier = 1,
    Officer = 2,
}

/// <summary>A bidder's position against the leader, for the lead indicator.</summary>
public enum LeadStatus
{
    Leading = 0,
    Tied = 1,
    NotLeading = 2,
}
