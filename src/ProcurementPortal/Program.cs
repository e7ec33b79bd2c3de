using CompraNet.AuctionHost.Admin;
using CompraNet.ProcurementPortal.Admin;
using CompraNet.ProcurementPortal.Hosting;

// Operator commands (`migrate`, `accounts`, `sanctions`, `units`, `officials`, `suppliers`, `api-clients`) run instead of the portal,
// with the portal's schema too.
if (await AdminCommands.TryRunAsync(args, [typeof(PortalHost).Assembly], AdminExtensionSet.Combine(PortalAdminCommands.Extension, InterconnectionAdminCommands.Extension)) is { } exitCode)
{
    return exitCode;
}

await PortalHost.Build(args).RunAsync();
return 0;
