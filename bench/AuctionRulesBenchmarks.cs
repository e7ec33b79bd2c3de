using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionBenchmarks;

/// <summary>Pure rule evaluation: validate and rank one bid against a book of N bidders (goal: ≤ 1 µs at 1,000).</summary>
[MemoryDiagnoser]
public class AuctionRulesBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 17, 0, 0, TimeSpan.Zero);
    private AuctionBook _book = null!;
    private PlaceBid _bid = null!;

    [Params(10, 100, 1_000)]
    public int Bidders { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var bidders = Enumerable.Range(1, Bidders)
            .Select(i => new InvitedBidder($"s{i}", 900_000m + (i * 10m), 1m + ((i % 5) * 0.05m)))
            .ToImmutableArray();
        var terms = new AuctionTerms(
            "BENCH", "BENCH", null, "bench", "MXN", AuctionFormat.Continuous, 1_000_000m,
            new MinStep(StepKind.Amount, 1m, StepReference.Own), 30m, TieRule.EarlierWins,
            Start, Start.AddHours(1), new SoftClose(120, 120, 10, ExtensionTrigger.Rank), FeedbackMode.LeadRank, bidders);
        _book = new AuctionBook(terms);
        foreach (var e in AuctionRules.Genesis(terms, Start))
        {
            _book.Apply(e);
        }

        _book.Apply(new AuctionOpened(_book.Sequence + 1, Start, Start, Start.AddHours(1)));
        _bid = new PlaceBid($"s{Bidders / 2}", 899_000m, Guid.NewGuid(), false);
    }

    [Benchmark]
    public BidDecision EvaluateBid() => AuctionRules.Evaluate(_book, _bid, Start.AddMinutes(59), sanctioned: false);
}
