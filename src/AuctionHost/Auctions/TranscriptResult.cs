using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionHost.Auctions;

public sealed record TranscriptResult(IReadOnlyList<RankingEntry> Ranking);
