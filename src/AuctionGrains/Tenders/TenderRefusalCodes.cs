namespace CompraNet.AuctionGrains.Tenders;

/// <summary>The stable refusal codes of the sealed-bid tender grain.</summary>
public static class TenderRefusalCodes
{
    /// <summary>No tender is open for offers under this id.</summary>
    public const string UnknownTender = "unknown-tender";

    /// <summary>The submission deadline has come: offers can no longer be submitted, replaced or withdrawn.</summary>
    public const string DeadlinePassed = "deadline-passed";

    /// <summary>The tender is by invitation and the caller is not invited.</summary>
    public const string NotInvited = "not-invited";

    /// <summary>The message is malformed (the message says which field and why).</summary>
    public const string Invalid = "invalid";

    /// <summary>The offers cannot be opened before the submission deadline.</summary>
    public const string TooEarly = "too-early";

    /// <summary>The tender already exists with other terms.</summary>
    public const string Conflict = "conflict";

    /// <summary>The offer to withdraw is not the caller's live offer.</summary>
    public const string NoOffer = "no-offer";

    /// <summary>A sealed offer failed to open (wrong master key or altered storage): nothing was opened.</summary>
    public const string Unsealable = "unsealable";

    /// <summary>Storage failed: nothing was recorded; send the same message again.</summary>
    public const string Unavailable = "unavailable";
}
