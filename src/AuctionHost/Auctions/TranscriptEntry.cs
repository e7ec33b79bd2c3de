namespace CompraNet.AuctionHost.Auctions;

public sealed record TranscriptEntry(long Sequence, string Type, DateTimeOffset At, string Payload, string PreviousHash, string Hash);
