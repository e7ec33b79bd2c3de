namespace CompraNet.AuctionHost.Admin;

/// <summary>Operator commands another program adds to <see cref="AdminCommands"/> (first words it handles, how, and their usage text).</summary>
public sealed record AdminExtension(IReadOnlySet<string> Commands, Func<AdminInvocation, Task<int>> RunAsync, string Usage);
