using CompraNet.AuctionHost.Hosting;

namespace CompraNet.AuctionHost.Admin;

/// <summary>One command of an <see cref="AdminExtension"/>: its positional words, its --options, and the migrated database.</summary>
public sealed record AdminInvocation(IReadOnlyList<string> Words, IReadOnlyDictionary<string, string?> Options, CompraNetDatabase Database);
