namespace CompraNet.Baseline.Accounts;

public sealed record TokenRequest(string? Username, string? Password);
