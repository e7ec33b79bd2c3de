using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CompraNet.AuctionHost.Accounts;
using CompraNet.ProcurementPortal.Features.Interconnection;
using CompraNet.ProcurementPortal.Tests.Features;
using CompraNet.ProcurementPortal.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CompraNet.ProcurementPortal.Tests.Interconnection;

/// <summary>
/// Other government systems over <c>/api/interconnection</c>: client tokens (and what they are refused), the budget
/// check before publication against a fake budget system, the treasury's idempotent payments, and webhooks delivered to
/// a receiver that fails twice, retried on the fake clock and signed. SQLite and PostgreSQL, as the subclasses below.
/// </summary>
[Trait("Category", "Integration")]
public abstract class InterconnectionApiTests : IAsyncLifetime
{
    private const string TreasurySecret = "treasury-secret-0123456789";
    private const string HooksSecret = "hooks-secret-0123456789";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private PortalTestHost _host = null!;
    private LoopbackReceiver _receiver = null!;

    protected abstract bool OnPostgres { get; }

    public async Task InitializeAsync()
    {
        _receiver = await LoopbackReceiver.StartAsync();
        _host = await PortalTestHost.StartAsync(postgres: OnPostgres, new Dictionary<string, string?>
        {
            // Tokens outlive the jumps of the fake clock (whichever clock validates them).
            ["CompraNet:Auth:TokenLifetime"] = "60.00:00:00",
            ["CompraNet:Interconnection:ClientTokenLifetime"] = "01:00:00",
            ["CompraNet:Interconnection:BudgetUrl"] = _receiver.Url("/budget").ToString(),
            ["CompraNet:Interconnection:AllowPrivateWebhookTargets"] = "true",
            ["CompraNet:Interconnection:WebhookPollInterval"] = "00:00:01",
        }, _time);
        await _host.SeedAsync();
        var clients = _host.Service<ApiClientStore>();
        await clients.AddAsync(new ApiClient("tesofe", "Tesorería", [InterconnectionScopes.Treasury], _time.GetUtcNow(), false), PasswordHasher.Hash(TreasurySecret));
        await clients.AddAsync(new ApiClient("hooks", "Presupuesto (eventos)", [InterconnectionScopes.Webhooks, InterconnectionScopes.Budget], _time.GetUtcNow(), false), PasswordHasher.Hash(HooksSecret));
        await clients.AddAsync(new ApiClient("old", "Baja", [InterconnectionScopes.Treasury], _time.GetUtcNow(), true), PasswordHasher.Hash(TreasurySecret));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Token_WrongSecretUnknownDisabledClient_Are401_BadGrant400_AndFailuresAreThrottled()
    {
        using var anonymous = _host.Client();

        var form = await anonymous.PostAsync("/api/interconnection/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "tesofe",
            ["client_secret"] = TreasurySecret,
        }));
        var token = (await form.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.False(string.IsNullOrEmpty(token));
        await PortalFlow.ProblemAsync(await RequestTokenAsync(anonymous, "tesofe", "wrong-secret"), HttpStatusCode.Unauthorized);
        await PortalFlow.ProblemAsync(await RequestTokenAsync(anonymous, "nobody", TreasurySecret), HttpStatusCode.Unauthorized);
        await PortalFlow.ProblemAsync(await RequestTokenAsync(anonymous, "old", TreasurySecret), HttpStatusCode.Unauthorized);
        var badGrant = await PortalFlow.ProblemAsync(
            await anonymous.PostAsJsonAsync("/api/interconnection/token", new { grant_type = "password", client_id = "tesofe" }), HttpStatusCode.BadRequest);
        Assert.True(badGrant.GetProperty("errors").TryGetProperty("grant_type", out _));
        Assert.True(badGrant.GetProperty("errors").TryGetProperty("client_secret", out _));

        for (var i = 0; i < ClientSignInThrottle.MaxFailures; i++)
        {
            await RequestTokenAsync(anonymous, "hooks", "guess-" + i);
        }

        await PortalFlow.ProblemAsync(await RequestTokenAsync(anonymous, "hooks", HooksSecret), HttpStatusCode.TooManyRequests);
        _time.Advance(ClientSignInThrottle.Window);
        Assert.Equal(HttpStatusCode.OK, (await RequestTokenAsync(anonymous, "hooks", HooksSecret)).StatusCode);
    }

    [Fact]
    public async Task InterconnectionEndpoints_RefuseUserTokensAndMissingScopes_AndClientTokensGetNoUserEndpoints()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var coordinator = await _host.ClientAsync("coordA");
        using var treasury = await ClientAsync("tesofe", TreasurySecret);
        using var hooks = await ClientAsync("hooks", HooksSecret);
        using var anonymous = _host.Client();

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/interconnection/payments?contract=CT-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/api/interconnection/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hooks.GetAsync("/api/interconnection/payments?contract=CT-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await treasury.GetAsync("/api/interconnection/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/interconnection/payments?contract=CT-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await treasury.GetAsync("/api/interconnection/payments?contract=CT-1")).StatusCode);
        Assert.False((await treasury.PostAsJsonAsync("/api/plans", new { fiscalYear = DateTime.UtcNow.Year })).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Payments_SameIdempotencyKeyTwice_RecordOne_AndBadInputIsRefusedByField()
    {
        using var treasury = await ClientAsync("tesofe", TreasurySecret);
        var payment = new { contractId = "CT-UC-A-2026-001", reference = "OP-778812", amount = 125_000.50m, paidAt = _time.GetUtcNow().AddDays(-1).AddTicks(3), idempotencyKey = "tesofe-op-778812" };

        var first = await treasury.PostAsJsonAsync("/api/interconnection/payments", payment, PortalTestHost.Json);
        var second = await treasury.PostAsJsonAsync("/api/interconnection/payments", payment, PortalTestHost.Json);
        var changed = await treasury.PostAsJsonAsync("/api/interconnection/payments", payment with { amount = 1m }, PortalTestHost.Json);
        var bad = await treasury.PostAsJsonAsync("/api/interconnection/payments",
            new { contractId = "CT 1", reference = "", amount = 10.005m, paidAt = _time.GetUtcNow().AddDays(2), idempotencyKey = "k" }, PortalTestHost.Json);
        var list = await treasury.GetFromJsonAsync<JsonElement>("/api/interconnection/payments?contract=CT-UC-A-2026-001");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var recorded = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(recorded.GetProperty("id").GetString(), (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.False(recorded.GetProperty("contractVerified").GetBoolean());
        Assert.Equal("idempotency-key-reused", (await PortalFlow.ProblemAsync(changed, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        var errors = (await PortalFlow.ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["amount", "contractId", "idempotencyKey", "paidAt", "reference"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var single = Assert.Single(list.EnumerateArray());
        Assert.Equal(125_000.50m, single.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Publish_BudgetSystemRefuses_Is409AndNothingIsPublished_ThenAcceptedAndAnnounced()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var hooks = await ClientAsync("hooks", HooksSecret);
        var subscribed = await hooks.PostAsJsonAsync("/api/interconnection/webhooks", new { url = _receiver.Url("/events").ToString(), eventTypes = new[] { "procedure.published" } });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var subscriptionId = (await subscribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscription").GetProperty("id").GetString();
        var planId = await PortalFlow.PublishedPlanAsync(officer, 3_000_000m);
        var id = (await PortalFlow.CreateProcedureAsync(officer, PortalFlow.ProcedureBody(planId))).GetProperty("procedure").GetProperty("id").GetString()!;
        _receiver.Answer = (path, n) => path == "/budget"
            ? (200, n == 1 ? (object)new { available = false, reason = "Partida 25301 sin suficiencia: disponible 400,000.00" } : new { available = true })
            : (200, null);

        var refused = await PortalFlow.ProblemAsync(await officer.PostAsync($"/api/procedures/{id}/publish", null), HttpStatusCode.Conflict);
        var draft = await officer.GetFromJsonAsync<JsonElement>($"/api/procedures/{id}");
        var published = await officer.PostAsync($"/api/procedures/{id}/publish", null);

        Assert.Equal("budget-unavailable", refused.GetProperty("code").GetString());
        Assert.Contains("sin suficiencia", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("draft", ProcedureOf(draft).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var asked = JsonDocument.Parse(_receiver.At("/budget")[0].Body).RootElement;
        Assert.Equal("UC-A", asked.GetProperty("unitId").GetString());
        Assert.Equal("25301", asked.GetProperty("budgetKey").GetString());
        Assert.Equal(DateTime.UtcNow.Year, asked.GetProperty("fiscalYear").GetInt32());
        Assert.Equal(1_000_000m, asked.GetProperty("amount").GetDecimal());
        await AdvanceUntilAsync(() => _receiver.At("/events").Count == 1);
        var delivery = Assert.Single((await hooks.GetFromJsonAsync<JsonElement>($"/api/interconnection/webhooks/{subscriptionId}/deliveries")).EnumerateArray());
        Assert.Equal("procedure.published", delivery.GetProperty("eventType").GetString());
        Assert.Equal(id, JsonDocument.Parse(_receiver.At("/events")[0].Body).RootElement.GetProperty("data").GetProperty("procedureId").GetString());
    }

    [Fact]
    public async Task Publish_BudgetSystemUnreachable_Is503()
    {
        using var officer = await _host.ClientAsync("officerA");
        var planId = await PortalFlow.PublishedPlanAsync(officer, 3_000_000m);
        var id = (await PortalFlow.CreateProcedureAsync(officer, PortalFlow.ProcedureBody(planId))).GetProperty("procedure").GetProperty("id").GetString()!;
        _receiver.Answer = (path, _) => path == "/budget" ? (502, null) : (200, null);

        var problem = await PortalFlow.ProblemAsync(await officer.PostAsync($"/api/procedures/{id}/publish", null), HttpStatusCode.ServiceUnavailable);

        Assert.Equal("unavailable", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Webhook_ReceiverFailsTwice_IsRetriedWithBackoff_DeliveredOnTheThirdAttempt_AndSigned()
    {
        using var hooks = await ClientAsync("hooks", HooksSecret);
        using var treasury = await ClientAsync("tesofe", TreasurySecret);
        _receiver.Answer = (path, n) => (path == "/hook" && n <= 2 ? 500 : 204, null);
        var subscribed = await hooks.PostAsJsonAsync("/api/interconnection/webhooks", new { url = _receiver.Url("/hook").ToString(), eventTypes = new[] { "payment.posted", "contract.committed" } });
        var created = await subscribed.Content.ReadFromJsonAsync<JsonElement>();
        var subscriptionId = created.GetProperty("subscription").GetProperty("id").GetString();
        var secret = created.GetProperty("secret").GetString()!;

        var posted = await treasury.PostAsJsonAsync("/api/interconnection/payments",
            new { contractId = "CT-9", reference = "FAC-1", amount = 10m, paidAt = _time.GetUtcNow(), idempotencyKey = "tesofe-fac-0001" }, PortalTestHost.Json);
        await AdvanceUntilAsync(() => _receiver.At("/hook").Count >= 3);

        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var received = _receiver.At("/hook");
        Assert.Equal(3, received.Count);
        var times = received.Select(r => long.Parse(r.Headers["X-CompraNet-Timestamp"], CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(times[1] - times[0], 10, 20);
        Assert.InRange(times[2] - times[1], 30, 40);
        Assert.All(received, r => Assert.True(WebhookSignature.Verify(secret, r.Headers["X-CompraNet-Timestamp"], r.Body, r.Headers["X-CompraNet-Signature"])));
        Assert.All(received, r => Assert.Equal("payment.posted", r.Headers["X-CompraNet-Event"]));
        Assert.Single(received.Select(r => r.Headers["X-CompraNet-Delivery"]).Distinct());
        Assert.False(WebhookSignature.Verify("another-secret", received[0].Headers["X-CompraNet-Timestamp"], received[0].Body, received[0].Headers["X-CompraNet-Signature"]));
        var delivery = Assert.Single((await hooks.GetFromJsonAsync<JsonElement>($"/api/interconnection/webhooks/{subscriptionId}/deliveries")).EnumerateArray());
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal("delivered", delivery.GetProperty("status").GetString());
        Assert.Equal(204, delivery.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal("CT-9", JsonDocument.Parse(received[0].Body).RootElement.GetProperty("data").GetProperty("contractId").GetString());
    }

    [Fact]
    public async Task Webhook_ReceiverAlwaysFails_IsMarkedFailedAfterTheLastAttempt_AndDeleteStopsDeliveries()
    {
        using var hooks = await ClientAsync("hooks", HooksSecret);
        _receiver.Answer = (_, _) => (503, null);
        var subscribed = await hooks.PostAsJsonAsync("/api/interconnection/webhooks", new { url = _receiver.Url("/down").ToString(), eventTypes = new[] { "*" } });
        var subscriptionId = (await subscribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscription").GetProperty("id").GetString();
        var commitments = _host.Service<IBudgetCommitments>();

        var first = await commitments.CommitAsync("CT-7", "UC-A", "25301", 500_000m);
        var again = await commitments.CommitAsync("CT-7", "UC-A", "25301", 500_000m);
        await AdvanceUntilAsync(() => _receiver.At("/down").Count >= 8, step: TimeSpan.FromMinutes(10));
        var log = await hooks.GetFromJsonAsync<JsonElement>($"/api/interconnection/webhooks/{subscriptionId}/deliveries");
        var deleted = await hooks.DeleteAsync($"/api/interconnection/webhooks/{subscriptionId}");
        var listed = await hooks.GetFromJsonAsync<JsonElement>("/api/interconnection/webhooks");

        Assert.Equal(first.Id, again.Id);
        var delivery = Assert.Single(log.EnumerateArray());
        Assert.Equal("contract.committed", delivery.GetProperty("eventType").GetString());
        Assert.Equal(8, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal("failed", delivery.GetProperty("status").GetString());
        Assert.Equal(503, delivery.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(Assert.Single(listed.EnumerateArray()).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task DisablingOrRotatingAClient_StopsTheTokensItWasIssuedAtOnce()
    {
        var clients = _host.Service<ApiClientStore>();
        using var anonymous = _host.Client();
        using var before = await ClientAsync("tesofe", TreasurySecret);
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/api/interconnection/payments?contract=CT-1")).StatusCode);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await clients.SetDisabledAsync("tesofe", true, _time.GetUtcNow()));
        var disabledToken = await before.GetAsync("/api/interconnection/payments?contract=CT-1");
        var disabledSignIn = await RequestTokenAsync(anonymous, "tesofe", TreasurySecret);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await clients.SetDisabledAsync("tesofe", false, _time.GetUtcNow()));
        var afterEnable = await before.GetAsync("/api/interconnection/payments?contract=CT-1");
        using var enabled = await ClientAsync("tesofe", TreasurySecret);
        var enabledToken = await enabled.GetAsync("/api/interconnection/payments?contract=CT-1");

        _time.Advance(TimeSpan.FromSeconds(2));
        const string newSecret = "a-new-treasury-secret-0123456789abcdef";
        Assert.True(await clients.RotateSecretAsync("tesofe", PasswordHasher.Hash(newSecret), _time.GetUtcNow()));
        var rotatedToken = await enabled.GetAsync("/api/interconnection/payments?contract=CT-1");
        var oldSecret = await RequestTokenAsync(anonymous, "tesofe", TreasurySecret);
        using var rotated = await ClientAsync("tesofe", newSecret);
        var newToken = await rotated.GetAsync("/api/interconnection/payments?contract=CT-1");
        Assert.False(await clients.SetDisabledAsync("nobody", true, _time.GetUtcNow()));

        Assert.Equal("urn:compranet:problem:client-revoked", (await PortalFlow.ProblemAsync(disabledToken, HttpStatusCode.Unauthorized)).GetProperty("type").GetString());
        await PortalFlow.ProblemAsync(disabledSignIn, HttpStatusCode.Unauthorized);
        await PortalFlow.ProblemAsync(afterEnable, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, enabledToken.StatusCode);
        await PortalFlow.ProblemAsync(rotatedToken, HttpStatusCode.Unauthorized);
        await PortalFlow.ProblemAsync(oldSecret, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, newToken.StatusCode);
    }

    [Fact]
    public async Task Webhook_BadUrlOrEventType_Is400ByField_AndAnotherClientsLogIsNotFound()
    {
        using var hooks = await ClientAsync("hooks", HooksSecret);

        var bad = await hooks.PostAsJsonAsync("/api/interconnection/webhooks", new { url = "ftp://example.org/x", eventTypes = new[] { "procedure.exploded" } });
        var missing = await hooks.GetAsync("/api/interconnection/webhooks/nope/deliveries");

        var errors = (await PortalFlow.ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("url", out _));
        Assert.True(errors.TryGetProperty("eventTypes", out _));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static JsonElement ProcedureOf(JsonElement element) => element.TryGetProperty("procedure", out var inner) ? inner : element;

    private static Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, string id, string secret) =>
        client.PostAsJsonAsync("/api/interconnection/token", new { grant_type = "client_credentials", client_id = id, client_secret = secret });

    private Task<HttpClient> ClientAsync(string id, string secret) => _host.SignInClientAsync(id, secret);

    /// <summary>Moves the fake clock in small steps, letting the dispatcher run after each, until the condition holds.</summary>
    private async Task AdvanceUntilAsync(Func<bool> done, TimeSpan? step = null)
    {
        for (var i = 0; i < 2000 && !done(); i++)
        {
            _time.Advance(step ?? TimeSpan.FromSeconds(2));
            await Task.Delay(15);
        }

        Assert.True(done(), "the condition did not hold in time");
    }
}

/// <summary>On the embedded default: one process, one SQLite file.</summary>
public sealed class InterconnectionApiOnSqliteTests : InterconnectionApiTests
{
    protected override bool OnPostgres => false;
}

/// <summary>On PostgreSQL, the portal as an Orleans client of a separate auction host.</summary>
public sealed class InterconnectionApiOnPostgresTests : InterconnectionApiTests
{
    protected override bool OnPostgres => true;
}
