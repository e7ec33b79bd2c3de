namespace CompraNet.AuctionHost.Accounts;

/// <summary>A local account: the username is the token subject (for a supplier, its supplier id).</summary>
public sealed record Account(string Username, string PasswordHash, string Role, string DisplayName);
