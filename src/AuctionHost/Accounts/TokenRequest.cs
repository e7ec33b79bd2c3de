namespace CompraNet.AuctionHost.Accounts;

public sealed record TokenRequest(string? Username, string? Password);
