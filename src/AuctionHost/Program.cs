using CompraNet.AuctionHost.Admin;
using CompraNet.AuctionHost.Hosting;

// Operator commands (`migrate`, `accounts ...`) run instead of the host: see Admin/AdminCommands.cs.
if (await AdminCommands.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

await CompraNetHost.Build(args).RunAsync();
return 0;
