namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// What one audience may see of an auction (PROTOCOL.md "Views"). Fields an audience may not see stay null and are
/// left out of the JSON. Built only by <see cref="AuctionViews"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("CompraNet.AuctionView")]
public sealed record AuctionView
{
    [Id(0)] public required string AuctionId { get; init; }
    [Id(1)] public required string Title { get; init; }
    [Id(2)] public required string ProcedureId { get; init; }
    [Id(3)] public string? LotId { get; init; }
    [Id(4)] public required AuctionStatus Status { get; init; }
    [Id(5)] public required DateTimeOffset ServerTime { get; init; }
    [Id(6)] public required DateTimeOffset StartsAt { get; init; }
    [Id(7)] public required DateTimeOffset EndsAt { get; init; }
    [Id(8)] public required int Extensions { get; init; }
    [Id(9)] public required string Currency { get; init; }
    [Id(10)] public required decimal CeilingPrice { get; init; }
    [Id(11)] public required MinStep MinStep { get; init; }
    [Id(12)] public decimal? MaxStepPercent { get; init; }
    [Id(13)] public required TieRule TieRule { get; init; }
    [Id(14)] public SoftClose? SoftClose { get; init; }
    [Id(15)] public required FeedbackMode Feedback { get; init; }
    [Id(16)] public required int BidderCount { get; init; }
    [Id(17)] public required long Sequence { get; init; }
    [Id(18)] public required Audience Audience { get; init; }
    [Id(19)] public required AuctionFormat Format { get; init; }

    [Id(20)] public decimal? MyBest { get; init; }
    [Id(21)] public int? MyRank { get; init; }
    [Id(22)] public LeadStatus? Leading { get; init; }
    [Id(23)] public decimal? BestPrice { get; init; }
    [Id(24)] public string? MyLabel { get; init; }
    [Id(25)] public decimal? MyScore { get; init; }
    [Id(26)] public decimal? MyCoefficient { get; init; }

    [Id(27)] public IReadOnlyList<LadderEntry>? Ladder { get; init; }
    [Id(28)] public int? BidCount { get; init; }
    [Id(29)] public IReadOnlyList<BidPoint>? LatestBids { get; init; }
    [Id(30)] public IReadOnlyDictionary<string, int>? RefusalCounts { get; init; }
    [Id(31)] public IReadOnlyList<RankingEntry>? Ranking { get; init; }
}
