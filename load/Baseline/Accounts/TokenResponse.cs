namespace CompraNet.Baseline.Accounts;

public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string Subject, string Role);
