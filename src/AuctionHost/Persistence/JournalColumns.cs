namespace CompraNet.AuctionHost.Persistence;

/// <summary>The columns every hash-chained journal row has besides its key, in the order the tables declare them.</summary>
internal readonly record struct JournalColumns(
    long Sequence, string Type, DateTimeOffset At, string Payload, string PreviousHash, string Hash);
