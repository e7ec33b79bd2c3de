using CompraNet.Baseline.Accounts;
using CompraNet.Baseline.Auctions;
using CompraNet.Baseline.Hosting;
using CompraNet.Baseline.Persistence;
using CompraNet.Baseline.Realtime;

// The comparison point of load/: what a procurement portal would build without the engine (one PostgreSQL
// transaction per bid, locking the auction row), plus a bare SignalR echo hub (the transport's ceiling).
var builder = WebApplication.CreateBuilder(args);
// Per-request and per-command logs would be a cost the measuring stick does not have in production.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Npgsql", LogLevel.Warning);
builder.AddBaselineStorage();    // Hosting/StorageHostingExtensions.cs: NpgsqlDataSource, schema, store, health check
builder.AddBaselineAuth();       // Hosting/AuthHostingExtensions.cs: opaque tokens naming the user, officer policy
builder.AddBaselineRealtime();   // Hosting/RealtimeHostingExtensions.cs: SignalR JSON, the bid path
var app = builder.Build();

await app.Services.GetRequiredService<BaselineSchema>().EnsureCreatedAsync(app.Lifetime.ApplicationStopping);

app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthChecks("/health");
app.MapAuthEndpoints();
app.MapAuctionEndpoints();
app.MapHub<AuctionHub>("/hubs/auctions");
app.MapHub<EchoHub>("/hubs/echo");
app.Run();
