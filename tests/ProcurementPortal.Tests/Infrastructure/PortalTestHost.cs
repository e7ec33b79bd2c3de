using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CompraNet.AuctionHost.Accounts;
using CompraNet.AuctionHost.Http;
using CompraNet.ProcurementPortal.Features.Interconnection;
using CompraNet.ProcurementPortal.Features.Suppliers;
using CompraNet.ProcurementPortal.Features.Units;
using CompraNet.ProcurementPortal.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CompraNet.ProcurementPortal.Tests.Infrastructure;

/// <summary>
/// The real portal (Kestrel on a free loopback port, the co-hosted engine with its own silo) started in this process as
/// Program.cs starts it: embedded SQLite in a temporary folder, or PostgreSQL when a connection string is given.
/// Demo data is off: each test class creates the units, officials and suppliers it needs through <see cref="SeedAsync"/>.
/// </summary>
public sealed class PortalTestHost : IAsyncDisposable
{
    public const string Password = "Test-pass-1";

    public static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    private readonly WebApplication _app;
    private readonly WebApplication? _auctionHost;
    private readonly string _directory;
    private readonly string? _postgres;

    private PortalTestHost(WebApplication app, WebApplication? auctionHost, Uri baseAddress, Uri engineAddress, string directory, string? postgres)
    {
        _app = app;
        _auctionHost = auctionHost;
        _directory = directory;
        _postgres = postgres;
        BaseAddress = baseAddress;
        EngineAddress = engineAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Where the engine's REST API and hub answer: the portal itself in embedded mode, the auction host otherwise.</summary>
    public Uri EngineAddress { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Embedded SQLite (the portal co-hosts the engine), or with <paramref name="postgres"/> a fresh migrated database,
    /// an auction host started beside it and the portal as its Orleans client, as in production.
    /// </summary>
    /// <param name="time">A clock for the portal and the engine (grains included); the system clock when null.</param>
    public static async Task<PortalTestHost> StartAsync(bool postgres = false, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var port = TestPorts.Free();
        var directory = Directory.CreateTempSubdirectory("compranet-portal-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["CompraNet:DataDirectory"] = directory,
            ["CompraNet:DemoData"] = "false",
            ["CompraNet:SiloPort"] = TestPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CompraNet:GatewayPort"] = TestPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CompraNet:ServiceId"] = $"portal-test-{Guid.NewGuid():N}"[..24],
            ["CompraNet:Publication:PublicUrl"] = $"http://127.0.0.1:{port}",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        string? database = null;
        WebApplication? auctionHost = null;
        var engineAddress = new Uri($"http://127.0.0.1:{port}");
        if (postgres)
        {
            database = await PostgresServer.CreateDatabaseAsync();
            values["CompraNet:Storage"] = "postgres";
            values["ConnectionStrings:Postgres"] = database;
            values["CompraNet:Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        if (postgres)
        {
            engineAddress = new Uri($"http://127.0.0.1:{TestPorts.Free()}");
            var hostValues = new Dictionary<string, string?>(values) { ["urls"] = engineAddress.ToString().TrimEnd('/') };
            auctionHost = AuctionHost.Hosting.CompraNetHost.Build(Args(hostValues), b => UseClock(b, time));
            await auctionHost.StartAsync();
        }

        var app = PortalHost.Build(Args(values), b => UseClock(b, time));
        await app.StartAsync();
        return new PortalTestHost(app, auctionHost, new Uri($"http://127.0.0.1:{port}"), engineAddress, directory, database);
    }

    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Two units (UC-A with officials officerA and coordA; UC-B with officerB), suppliers s1…s5, an auditor and an unattached officer.</summary>
    public async Task SeedAsync()
    {
        var accounts = Service<AccountStore>();
        var units = Service<UnitStore>();
        var suppliers = Service<SupplierStore>();
        await units.AddAsync(new BuyingUnit("UC-A", "Coordinación de Abastecimiento A", "Instituto de Salud A", 30));
        await units.AddAsync(new BuyingUnit("UC-B", "Dirección de Compras B", "Secretaría B", 30));
        foreach (var (username, role, unit) in new[] { ("officerA", Roles.Officer, "UC-A"), ("coordA", Roles.Coordinator, "UC-A"), ("officerB", Roles.Officer, "UC-B") })
        {
            await accounts.CreateAsync(username, Password, role, username);
            await units.SetOfficialAsync(username, unit, "Jefe de adquisiciones");
        }

        await accounts.CreateAsync("loneOfficer", Password, Roles.Officer, "Officer without a unit");
        await accounts.CreateAsync("auditor1", Password, Roles.Auditor, "Auditor");
        for (var i = 1; i <= 5; i++)
        {
            await accounts.CreateAsync($"s{i}", Password, Roles.Supplier, $"Proveedor {i}");
            await suppliers.AddAsync(new RegisteredSupplier($"s{i}", $"Proveedor {i} S.A. de C.V.", $"PRO0{i}0101AB{i}", i % 2 == 0, "MX"));
        }
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task<HttpClient> ClientAsync(string username) => await ClientAsync(username, BaseAddress);

    /// <summary>
    /// A client of the treasury system: registers the API client <paramref name="clientId"/> (scope treasury) the first
    /// time and signs in with client credentials.
    /// </summary>
    public Task<HttpClient> TreasuryClientAsync(string clientId = "tesofe") => ApiClientAsync(clientId, InterconnectionScopes.Treasury);

    /// <summary>A client of a system that subscribes to webhooks (scope webhooks), signed in with client credentials.</summary>
    public Task<HttpClient> WebhooksClientAsync(string clientId = "hooks") => ApiClientAsync(clientId, InterconnectionScopes.Webhooks);

    private async Task<HttpClient> ApiClientAsync(string clientId, string scope)
    {
        const string secret = "api-client-secret-for-tests-0123456789";
        await Service<ApiClientStore>().AddAsync(new ApiClient(clientId, clientId, [scope], DateTimeOffset.UtcNow, false), PasswordHasher.Hash(secret));
        return await SignInClientAsync(clientId, secret);
    }

    /// <summary>A client signed in with client credentials (the client must exist).</summary>
    public async Task<HttpClient> SignInClientAsync(string clientId, string secret)
    {
        using var anonymous = Client();
        var response = await anonymous.PostAsJsonAsync("/api/interconnection/token", new { grant_type = "client_credentials", client_id = clientId, client_secret = secret });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Client((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
    }

    /// <summary>A client of the engine (the auction host in PostgreSQL mode) signed in as <paramref name="username"/>.</summary>
    public Task<HttpClient> EngineClientAsync(string username) => ClientAsync(username, EngineAddress);

    private async Task<HttpClient> ClientAsync(string username, Uri address)
    {
        using var anonymous = new HttpClient { BaseAddress = address };
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { username, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_auctionHost is not null)
        {
            await _auctionHost.StopAsync();
            await _auctionHost.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await PostgresServer.DropDatabaseAsync(_postgres);
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    private static void UseClock(WebApplicationBuilder builder, TimeProvider? time)
    {
        if (time is not null)
        {
            builder.Services.RemoveAll<TimeProvider>();
            builder.Services.AddSingleton(time);
        }
    }

    private static string[] Args(Dictionary<string, string?> values) => [.. values.Where(p => p.Value is not null).Select(p => $"--{p.Key}={p.Value}")];
}
