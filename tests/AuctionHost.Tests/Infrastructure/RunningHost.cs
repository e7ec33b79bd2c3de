using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CompraNet.AuctionHost.Tests.Infrastructure;

/// <summary>
/// The real auction host (Kestrel on a free loopback port, its own Orleans silo and data folder), started in this
/// process exactly as Program.cs starts it. Embedded SQLite with demo data unless other settings are given.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    private readonly WebApplication _app;
    private readonly bool _ownsDataDirectory;

    private RunningHost(WebApplication app, Uri baseAddress, string dataDirectory, bool ownsDataDirectory)
    {
        _app = app;
        _ownsDataDirectory = ownsDataDirectory;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RunningHost> StartAsync(IDictionary<string, string?>? settings = null, string? dataDirectory = null)
    {
        var port = TestPorts.Free();
        var directory = dataDirectory ?? Directory.CreateTempSubdirectory("compranet-host-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["CompraNet:DataDirectory"] = directory,
            ["CompraNet:SiloPort"] = TestPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CompraNet:GatewayPort"] = TestPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CompraNet:ServiceId"] = "compranet-test",
            ["CompraNet:Realtime:MaxBidsPerSupplierPerSecond"] = "1000",
            ["CompraNet:Realtime:BidBurst"] = "1000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var args = values.Where(p => p.Value is not null).Select(p => $"--{p.Key}={p.Value}").ToArray();
        var app = CompraNetHost.Build(args);
        await app.StartAsync();
        return new RunningHost(app, new Uri($"http://127.0.0.1:{port}"), directory, ownsDataDirectory: dataDirectory is null);
    }

    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task<string> TokenAsync(string username, string password = "demo")
    {
        using var client = Client();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    /// <summary>A started SignalR connection to the hub (JSON protocol with the wire options), as <paramref name="token"/>'s owner or the public.</summary>
    public async Task<HubConnection> ConnectAsync(string? token = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "/hubs/auctions"), options =>
            {
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .AddJsonProtocol(options => JsonDefaults.Apply(options.PayloadSerializerOptions))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Creates an open auction as officer1 and returns its id; <paramref name="configure"/> edits the body.</summary>
    public async Task<string> CreateAuctionAsync(Action<Dictionary<string, object?>>? configure = null, string? officerToken = null)
    {
        var procedureId = $"T-{Guid.NewGuid():N}"[..20];
        var now = DateTimeOffset.UtcNow;
        var body = new Dictionary<string, object?>
        {
            ["procedureId"] = procedureId,
            ["lotId"] = null,
            ["title"] = "Test auction",
            ["currency"] = "MXN",
            ["format"] = "continuous",
            ["ceilingPrice"] = 1_000_000.00m,
            ["minStep"] = new { kind = "amount", value = 1_000.00m, relativeTo = "own" },
            ["maxStepPercent"] = 30,
            ["tieRule"] = "earlier-wins",
            ["startsAt"] = now.AddSeconds(-1),
            ["endsAt"] = now.AddMinutes(30),
            ["softClose"] = new { windowSeconds = 120, extendSeconds = 120, maxExtensions = 10, trigger = "leader" },
            ["feedback"] = "lead-rank",
            ["bidders"] = new object[]
            {
                new { supplierId = "supplier1", initialPrice = 990_000.00m, coefficient = 1.0m },
                new { supplierId = "supplier2", initialPrice = 985_000.00m, coefficient = 1.0m },
                new { supplierId = "supplier3", initialPrice = (decimal?)null, coefficient = 1.0m },
                new { supplierId = "supplier5", initialPrice = 995_000.00m, coefficient = 1.0m },
            },
        };
        configure?.Invoke(body);
        using var client = Client(officerToken ?? await TokenAsync("officer1"));
        var response = await client.PostAsJsonAsync("/api/auctions", body, Json);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating the auction failed: {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text).RootElement.GetProperty("auctionId").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            if (_ownsDataDirectory)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(DataDirectory, recursive: true);
            }
        }
    }
}
