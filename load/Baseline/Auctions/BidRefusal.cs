namespace CompraNet.Baseline.Auctions;

public sealed record BidRefusal(string Code, string Message);
