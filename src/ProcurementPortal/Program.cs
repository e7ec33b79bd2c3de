// The procurement portal (plans, procedures, awards, OCDS) arrives in its own issue;
// until then it only says where the live auctions are.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => TypedResults.Text(
    "CompraNet portal: not built yet. Live auctions run in src/AuctionHost (dotnet run --project src/AuctionHost)."));
app.Run();
