using BenchmarkDotNet.Running;
using CompraNet.AuctionBenchmarks;

BenchmarkSwitcher.FromAssembly(typeof(AuctionRulesBenchmarks).Assembly).Run(args);
