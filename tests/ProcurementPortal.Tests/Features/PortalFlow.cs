using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CompraNet.ProcurementPortal.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CompraNet.ProcurementPortal.Tests.Features;

/// <summary>The steps of the cycle over the REST API, shared by the SQLite and PostgreSQL tests.</summary>
public static class PortalFlow
{
    public static readonly DateOnly PlannedStart = new(DateTime.UtcNow.Year, 12, 1);

    public static async Task<string> PublishedPlanAsync(HttpClient official, params decimal[] lineAmounts)
    {
        var created = await official.PostAsJsonAsync("/api/plans", new { fiscalYear = DateTime.UtcNow.Year });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var planId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        foreach (var amount in lineAmounts)
        {
            var line = await official.PostAsJsonAsync($"/api/plans/{planId}/lines", new
            {
                budgetKey = "25301",
                description = "Medicamentos de patente para el primer nivel de atención",
                cucop = "25300001",
                estimatedAmount = amount,
                currency = "MXN",
                plannedMethod = "open-national",
                plannedStart = PlannedStart,
            }, PortalTestHost.Json);
            Assert.Equal(HttpStatusCode.OK, line.StatusCode);
        }

        var published = await official.PostAsync($"/api/plans/{planId}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return planId;
    }

    public static object ProcedureBody(string planId, int line = 1, string type = "open-national", decimal amount = 1_000_000m, string[]? invited = null, bool auction = true, int deadlineDays = 15) => new
    {
        planId,
        planLineNo = line,
        type,
        title = "Adquisición de medicamentos para unidades de primer nivel",
        description = "Suministro de medicamentos de patente durante el primer semestre, entregas mensuales en almacén central.",
        category = "goods",
        estimatedAmount = amount,
        items = new[]
        {
            new { id = "1", description = "Paracetamol 500 mg, caja con 20 tabletas", cucop = "25300001", quantity = 10_000m, unit = "caja", lotId = (string?)null },
            new { id = "2", description = "Amoxicilina 500 mg, caja con 12 cápsulas", cucop = "25300002", quantity = 5_000m, unit = "caja", lotId = (string?)null },
        },
        timetable = new
        {
            clarificationMeeting = DateTimeOffset.UtcNow.AddDays(5),
            submissionDeadline = DateTimeOffset.UtcNow.AddDays(deadlineDays),
            opening = DateTimeOffset.UtcNow.AddDays(deadlineDays).AddHours(1),
            award = DateTimeOffset.UtcNow.AddDays(20),
        },
        auction = auction ? new { durationMinutes = 30, minStepPercent = 0.5m, softCloseWindowMinutes = 2, softCloseExtensionMinutes = 2 } : null,
        invitedSuppliers = invited ?? [],
        legalGround = type is "restricted" or "direct" ? "emergency" : null,
        justification = type is "restricted" or "direct" ? "Desabasto por la contingencia sanitaria declarada en la región; plazos de licitación insuficientes." : null,
    };

    public static async Task<JsonElement> CreateProcedureAsync(HttpClient official, object body)
    {
        var response = await official.PostAsJsonAsync("/api/procedures", body, PortalTestHost.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// Plan, open call, two offers (s1 850,000 and s2 865,000), opening, s2 the only admissible one, award to s2 for
    /// 865,000.00: the quickest way to an award. Moves the fake clock 16 days.
    /// </summary>
    public static async Task<string> AwardedProcedureAsync(HttpClient officer, HttpClient s1, HttpClient s2, FakeTimeProvider time)
    {
        var planId = await PublishedPlanAsync(officer, 3_000_000m);
        var id = (await CreateProcedureAsync(officer, ProcedureBody(planId))).GetProperty("procedure").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/procedures/{id}/publish", null)).StatusCode);
        await OfferAsync(s1, id, 60m, 50m);
        await OfferAsync(s2, id, 61m, 51m);
        time.Advance(TimeSpan.FromDays(16));
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/procedures/{id}/opening", null)).StatusCode);
        var evaluated = await officer.PostAsJsonAsync($"/api/procedures/{id}/evaluation", new
        {
            offers = new object[] { new { supplierId = "s1", admissible = false, reasons = "La garantía ofrecida no cubre el periodo pedido." }, new { supplierId = "s2", admissible = true } },
        });
        Assert.Equal(HttpStatusCode.OK, evaluated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/procedures/{id}/award", new { })).StatusCode);
        return id;
    }

    /// <summary>The contract drawn up from the award with <paramref name="body"/>, signed by the official and s2; returns its id.</summary>
    public static async Task<string> SignedContractAsync(HttpClient officer, HttpClient s2, string procedureId, object body)
    {
        var created = await officer.PostAsJsonAsync($"/api/procedures/{procedureId}/contracts", body, PortalTestHost.Json);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var contract = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = contract.GetProperty("id").GetString()!;
        var sha256 = contract.GetProperty("current").GetProperty("sha256").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/contracts/{id}/sign", new { sha256 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s2.PostAsJsonAsync($"/api/contracts/{id}/sign", new { sha256 })).StatusCode);
        return id;
    }

    public static async Task OfferAsync(HttpClient supplier, string procedureId, decimal price1, decimal price2)
    {
        var response = await supplier.PostAsJsonAsync($"/api/procedures/{procedureId}/offers", new
        {
            offerId = Guid.NewGuid(),
            items = new[] { new { itemId = "1", unitPrice = price1 }, new { itemId = "2", unitPrice = price2 } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
