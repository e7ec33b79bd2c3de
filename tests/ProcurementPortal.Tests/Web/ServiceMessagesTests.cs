using CompraNet.ProcurementPortal.Features.Plans;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Web;
using Microsoft.AspNetCore.Http;

namespace CompraNet.ProcurementPortal.Tests.Web;

/// <summary>Every message the procedure rules can give is known to the pages, so a Spanish page never shows one in English.</summary>
public sealed class ServiceMessagesTests
{
    private static readonly PortalText Spanish = new(new HttpContextAccessor());

    private static readonly PlanLine Line = new(1, "25301", "Medicamentos", "25300001", 1_000m, "MXN", ProcedureType.OpenNational, new DateOnly(2026, 6, 1), 0m);

    public static TheoryData<string> RuleMessages()
    {
        var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var item = new ProcedureItem("1", "Guantes", "25300001", 1m, "caja", null);
        var requests = new[]
        {
            new ProcedureRequest { Lots = [new ProcedureLot("A", "Lote", 1m)], Items = [item] },
            new ProcedureRequest
            {
                Type = ProcedureType.Direct, Title = new string('x', 301), EstimatedAmount = 500m, InvitedSuppliers = ["s1", "s1", "s2"],
                Items = [new ProcedureItem("", "", "12", 0m, "", "Z"), item, item], Lots = [new ProcedureLot("", "", 0m), new ProcedureLot("B", "Lote", 900m)],
                Auction = new AuctionPlan(5, 20m, 0, 5), Justification = "corta",
            },
            new ProcedureRequest { Type = ProcedureType.Restricted, EstimatedAmount = 2_000m, InvitedSuppliers = ["s1"], Justification = new string('x', 5001) },
            new ProcedureRequest { Type = ProcedureType.OpenNational, InvitedSuppliers = ["s1"], LegalGround = "emergency", Items = [.. Enumerable.Repeat(item, 501)] },
        };
        var messages = new HashSet<string>(StringComparer.Ordinal);
        messages.UnionWith(requests.SelectMany(r => ProcedureRules.Check(r, Line, 1_000m, 0).Values).SelectMany(m => m));
        messages.UnionWith(ProcedureRules.Check(new ProcedureRequest(), null, 0m, 0).Values.SelectMany(m => m));

        var procedure = new Procedure
        {
            Id = "LPN-UC-A-2026-001",
            Ocid = "ocds-cnmx01-LPN-UC-A-2026-001",
            UnitId = "UC-A",
            PlanId = "PAAAS-UC-A-2026",
            PlanLineNo = 1,
            Type = ProcedureType.OpenNational,
            Status = ProcedureStatus.Draft,
            Title = "t",
            Description = "d",
            Category = "goods",
            EstimatedAmount = 1m,
            Currency = "MXN",
            CreatedAt = now,
            CreatedBy = "officerA",
            UpdatedAt = now,
            Version = 1,
        };
        var badDates = procedure with { Timetable = new ProcedureTimetable(now.AddDays(-1), now.AddDays(1), now, now) };
        messages.UnionWith(new[] { procedure, badDates }.SelectMany(p => ProcedureRules.CheckPublication(p, now, 10).Values).SelectMany(m => m));
        return [.. messages];
    }

    [Theory]
    [MemberData(nameof(RuleMessages))]
    public void Localize_EveryProcedureRuleMessage_HasASpanishText(string message)
    {
        var spanish = ServiceMessages.Localize(message, Spanish);

        Assert.NotEqual(message, spanish);
        Assert.DoesNotContain("rule.", spanish, StringComparison.Ordinal);
    }

    [Fact]
    public void Localize_CarriesTheMessagesValuesOver()
    {
        var spanish = ServiceMessages.Localize("The plan line has 500,000.00 MXN available; the procedure cannot commit more.", Spanish);

        Assert.Equal("La línea del programa tiene 500,000.00 MXN disponibles; el procedimiento no puede comprometer más.", spanish);
    }

    [Fact]
    public void Localize_AnUnknownMessage_IsShownAsTheServiceWroteIt()
    {
        Assert.Equal("The engine is resting.", ServiceMessages.Localize("The engine is resting.", Spanish));
    }
}
