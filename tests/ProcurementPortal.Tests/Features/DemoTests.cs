using System.Net.Http.Json;
using System.Text.Json;
using CompraNet.ProcurementPortal.Features.Demo;
using CompraNet.ProcurementPortal.Ocds;
using CompraNet.ProcurementPortal.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CompraNet.ProcurementPortal.Tests.Features;

/// <summary>
/// The demo a newcomer starts with <c>dotnet run --project src/ProcurementPortal</c>: once its short calls close, the
/// office-supplies procedure goes from its plan to the last payment (contract, amendment, deliveries, invoices,
/// payments, finiquito), and its OCDS record shows that whole life with every release valid.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DemoTests : IAsyncLifetime
{
    private static readonly OcdsSchemaValidator Validator = new("ocds-cnmx01");

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private PortalTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await PortalTestHost.StartAsync(postgres: false, new Dictionary<string, string?> { ["CompraNet:DemoData"] = "true" }, _time);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Demo_OfficeSupplies_GoFromPlanToFinalPayment_AndTheRecordShowsEveryStep()
    {
        using var anonymous = _host.Client();
        var year = _time.GetUtcNow().Year;
        var procedureId = $"I3P-{PortalDemoSeeder.Education.Id}-{year}-001";
        var contractId = $"{procedureId}-C1";
        JsonElement contract = default;
        for (var i = 0; i < 400; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(20);
            var response = await anonymous.GetAsync($"/api/contracts/{contractId}");
            if (response.IsSuccessStatusCode && (contract = await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() == "terminated")
            {
                break;
            }
        }

        Assert.Equal("terminated", contract.GetProperty("status").GetString());
        Assert.Equal("completed", contract.GetProperty("termination").GetProperty("kind").GetString());
        Assert.Equal(2, contract.GetProperty("versions").GetArrayLength());
        Assert.All(contract.GetProperty("deliveries").EnumerateArray(), d => Assert.Equal("accepted", d.GetProperty("status").GetString()));

        var versions = await anonymous.GetFromJsonAsync<JsonElement>($"/api/contracts/{contractId}/versions");
        foreach (var version in versions.EnumerateArray())
        {
            Assert.Contains("CONTRATO", await anonymous.GetStringAsync(version.GetProperty("documentUrl").GetString()), StringComparison.Ordinal);
        }

        var record = await anonymous.GetStringAsync($"/api/ocds/records/ocds-cnmx01-{procedureId}");
        var check = Validator.ValidateRecordPackage(record);
        Assert.True(check.IsValid, string.Join("; ", check.Errors.Select(e => $"{e.Path}: {e.Message}")));
        var recorded = JsonDocument.Parse(record).RootElement.GetProperty("records")[0];
        var tags = recorded.GetProperty("releases").EnumerateArray().Select(r => r.GetProperty("tag")[0].GetString()!).Distinct().ToArray();
        Assert.Equal(["planning", "tender", "tenderUpdate", "award", "contract", "contractUpdate", "contractAmendment", "implementation", "implementationUpdate", "contractTermination"], tags);
        var compiled = recorded.GetProperty("compiledRelease").GetProperty("contracts")[0];
        Assert.Single(compiled.GetProperty("amendments").EnumerateArray());
        Assert.Equal(2, compiled.GetProperty("implementation").GetProperty("transactions").GetArrayLength());
        Assert.All(compiled.GetProperty("implementation").GetProperty("milestones").EnumerateArray(), m => Assert.Equal("met", m.GetProperty("status").GetString()));
        var paid = compiled.GetProperty("implementation").GetProperty("transactions").EnumerateArray().Sum(t => t.GetProperty("value").GetProperty("amount").GetDecimal());
        Assert.Equal(contract.GetProperty("terms").GetProperty("value").GetDecimal(), paid);
    }
}
