using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CompraNet.ProcurementPortal.Tests.Infrastructure;

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

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
