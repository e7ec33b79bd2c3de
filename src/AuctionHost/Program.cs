using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Persistence;

// `dotnet run --project src/AuctionHost -- migrate` applies the schema to the configured database
// (PostgreSQL needs it before the first start; embedded SQLite migrates itself at start).
if (args.Length > 0 && args[0] == "migrate")
{
    var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables().AddCommandLine(args[1..]).Build();
    var applied = await SchemaMigrator.MigrateAsync(configuration.GetCompraNetOptions(), configuration.GetConnectionString(SiloHostingExtensions.PostgresConnectionName));
    Console.WriteLine(applied.Count == 0 ? "Schema is current." : $"Applied: {string.Join(", ", applied)}");
    return;
}

await CompraNetHost.Build(args).RunAsync();
