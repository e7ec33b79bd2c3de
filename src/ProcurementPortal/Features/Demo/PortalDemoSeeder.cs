using CompraNet.AuctionHost.Accounts;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Offers;
using CompraNet.ProcurementPortal.Features.Plans;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Features.Suppliers;
using CompraNet.ProcurementPortal.Features.Units;
using Microsoft.Extensions.Options;

namespace CompraNet.ProcurementPortal.Features.Demo;

/// <summary>
/// The portal's demo data (embedded mode, on an empty database): three buying units and their officials, the
/// registry entries of the demo suppliers, published annual plans, and procedures at the stages part 1 reaches
/// (draft, published open tender taking offers, cancelled) plus three short calls whose offers are submitted at once
/// and that close two minutes later, when <see cref="PortalDemoStages"/> opens them and carries them on (a live
/// auction, an award, a deserted direct award). Everything goes through the same services officials and suppliers
/// use, so the demo's releases, documents and sealed offers are real ones.
/// </summary>
public sealed class PortalDemoSeeder(
    AccountStore accounts, UnitStore units, SupplierStore suppliers, PlanService plans, ProcedureService procedures, OfferService offers,
    IServiceProvider services, TimeProvider time, ILogger<PortalDemoSeeder> logger) : IHostedService
{
    /// <summary>How long after the first start the short demo calls close (then <see cref="PortalDemoStages"/> takes them on).</summary>
    public static readonly TimeSpan QuickDeadline = TimeSpan.FromMinutes(2);

    public const string Password = "demo";

    public static readonly BuyingUnit Health = new("UC-SALUD-001", "Coordinación de Adquisiciones", "Instituto Federal de Salud", 30);
    public static readonly BuyingUnit Education = new("UC-EDUC-002", "Dirección de Recursos Materiales", "Secretaría de Educación Federal", 30);
    public static readonly BuyingUnit Infrastructure = new("UC-INFRA-003", "Subdirección de Contrataciones", "Agencia Federal de Infraestructura", 30);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await units.AddAsync(Health, cancellationToken))
        {
            return; // seeded before
        }

        await units.AddAsync(Education, cancellationToken);
        await units.AddAsync(Infrastructure, cancellationToken);
        await accounts.CreateAsync("officer2", Password, Roles.Officer, "Oficial de compras 2 (Educación)", cancellationToken);
        await accounts.CreateAsync("officer3", Password, Roles.Officer, "Oficial de compras 3 (Infraestructura)", cancellationToken);
        await units.SetOfficialAsync("officer1", Health.Id, "Jefa de Departamento de Adquisiciones", cancellationToken);
        await units.SetOfficialAsync("coordinator1", Health.Id, "Coordinador de Abastecimiento", cancellationToken);
        await units.SetOfficialAsync("officer2", Education.Id, "Subdirector de Compras", cancellationToken);
        await units.SetOfficialAsync("officer3", Infrastructure.Id, "Jefe de Contrataciones", cancellationToken);
        foreach (var supplier in Suppliers)
        {
            await suppliers.AddAsync(supplier, cancellationToken);
        }

        try
        {
            await SeedCycleAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is PortalValidationException or PortalConflictException)
        {
            // Demo data must never stop the portal from starting: say what broke and carry on.
            logger.LogError(ex, "Demo procedures could not be created: {Message}", ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static readonly RegisteredSupplier[] Suppliers =
    [
        new("supplier1", "Farmacéutica Uno S.A. de C.V.", "FUN010101AB1", IsSme: false, "MX"),
        new("supplier2", "Distribuidora Dos S.A. de C.V.", "DDO020202CD2", IsSme: true, "MX"),
        new("supplier3", "Laboratorios Tres S.A. de C.V.", "LTR030303EF3", IsSme: false, "MX"),
        new("supplier4", "Insumos Cuatro S.A. de C.V.", "ICU040404GH4", IsSme: true, "MX"),
        new("supplier5", "Comercializadora Cinco S.A. de C.V.", "CCI050505IJ5", IsSme: true, "MX"),
    ];

    private async Task SeedCycleAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var year = now.Year;
        var start = new DateOnly(year, now.Month, 1);
        var health = new PortalActor("officer1", Roles.Officer, Health.Id);
        var education = new PortalActor("officer2", Roles.Officer, Education.Id);

        var healthPlan = await plans.CreateAsync(health, year, cancellationToken);
        await plans.AddLineAsync(health, healthPlan.Id, new("25301", "Medicamentos del cuadro básico para unidades de primer nivel", "25300001", 12_000_000m, "MXN", ProcedureType.OpenNational, start), cancellationToken);
        await plans.AddLineAsync(health, healthPlan.Id, new("25501", "Materiales, accesorios y suministros de laboratorio", "25500001", 3_500_000m, "MXN", ProcedureType.OpenNational, start), cancellationToken);
        await plans.AddLineAsync(health, healthPlan.Id, new("35801", "Servicios de limpieza de unidades médicas", "35800001", 2_400_000m, "MXN", ProcedureType.Restricted, start), cancellationToken);
        await plans.PublishAsync(health, healthPlan.Id, cancellationToken);

        var educationPlan = await plans.CreateAsync(education, year, cancellationToken);
        await plans.AddLineAsync(education, educationPlan.Id, new("21101", "Materiales y útiles de oficina para planteles", "21100001", 1_800_000m, "MXN", ProcedureType.Restricted, start), cancellationToken);
        await plans.AddLineAsync(education, educationPlan.Id, new("51501", "Equipo de cómputo para aulas digitales", "51500001", 9_000_000m, "MXN", ProcedureType.OpenInternational, start), cancellationToken);
        await plans.AddLineAsync(education, educationPlan.Id, new("33901", "Mantenimiento urgente de equipos de laboratorio escolar", "33900001", 400_000m, "MXN", ProcedureType.Direct, start), cancellationToken);
        await plans.PublishAsync(education, educationPlan.Id, cancellationToken);

        var medicines = await procedures.CreateAsync(health, Request(healthPlan.Id, 1, ProcedureType.OpenNational, 10_500_000m,
            "Adquisición de medicamentos del cuadro básico 2026",
            "Suministro de medicamentos del cuadro básico para las unidades de primer nivel, con entregas mensuales en el almacén central.",
            [new("1", "Paracetamol 500 mg, caja con 20 tabletas", "25300001", 100_000m, "caja", null), new("2", "Amoxicilina 500 mg, caja con 12 cápsulas", "25300002", 40_000m, "caja", null)],
            now, days: 20, auction: new AuctionPlan(30, 0.5m, 2, 2)), cancellationToken);
        await procedures.PublishAsync(health, medicines.Procedure.Id, cancellationToken);

        await procedures.CreateAsync(health, Request(healthPlan.Id, 2, ProcedureType.OpenNational, 3_000_000m,
            "Materiales de laboratorio clínico",
            "Reactivos y consumibles para los laboratorios clínicos de las unidades médicas (borrador en preparación).",
            [new("1", "Tubos de ensayo con EDTA, paquete con 100", "25500001", 2_000m, "paquete", null)], now, days: 25, auction: null), cancellationToken);

        // Short calls: no minimum period, so that they close two minutes after the first start.
        var quick = ActivatorUtilities.CreateInstance<ProcedureService>(services, Options.Create(new ProcedureOptions
        {
            OpenInternationalMinimumDays = 0,
            OpenNationalMinimumDays = 0,
            RestrictedMinimumDays = 0,
            DirectMinimumDays = 0,
        }));
        var deadline = now + QuickDeadline;
        var cleaning = await quick.CreateAsync(health, Request(healthPlan.Id, 3, ProcedureType.Restricted, 2_200_000m,
            "Servicio de limpieza integral de unidades médicas",
            "Limpieza diaria de áreas comunes y de atención en 12 unidades médicas, por seis meses.",
            [new("1", "Servicio mensual de limpieza por unidad médica", "35800001", 72m, "servicio", null)], now, days: 0, auction: new AuctionPlan(120, 0.5m, 2, 2), deadline)
            with
        { InvitedSuppliers = ["supplier2", "supplier3", "supplier4"], LegalGround = "avoid-losses", Justification = "La contratación anterior vence en tres semanas; una licitación pública no concluiría a tiempo y dejaría las unidades sin servicio." },
            cancellationToken);
        await quick.PublishAsync(health, cleaning.Procedure.Id, cancellationToken);
        await OfferAsync("supplier2", cleaning.Procedure.Id, [("1", 29_800m)], cancellationToken);
        await OfferAsync("supplier3", cleaning.Procedure.Id, [("1", 30_500m)], cancellationToken);
        await OfferAsync("supplier4", cleaning.Procedure.Id, [("1", 29_400m)], cancellationToken);

        var supplies = await quick.CreateAsync(education, Request(educationPlan.Id, 1, ProcedureType.Restricted, 1_700_000m,
            "Útiles de oficina para planteles federales",
            "Papelería y útiles para 300 planteles, en dos entregas.",
            [new("1", "Papel bond carta, caja con 10 paquetes", "21100001", 3_000m, "caja", "A"), new("2", "Bolígrafos tinta azul, caja con 50", "21100002", 1_500m, "caja", "B")], now, days: 0, auction: null, deadline)
            with
        {
            Lots = [new ProcedureLot("A", "Papel", 1_100_000m), new ProcedureLot("B", "Artículos de escritura", 600_000m)],
            InvitedSuppliers = ["supplier1", "supplier2", "supplier4"],
            LegalGround = "below-threshold",
            Justification = "El monto de cada partida está por debajo del máximo que el presupuesto de egresos fija para invitar a cuando menos tres personas.",
        }, cancellationToken);
        await quick.PublishAsync(education, supplies.Procedure.Id, cancellationToken);
        await OfferAsync("supplier1", supplies.Procedure.Id, [("1", 352m), ("2", 380m)], cancellationToken);
        await OfferAsync("supplier2", supplies.Procedure.Id, [("1", 339m), ("2", 395m)], cancellationToken);

        var repair = await quick.CreateAsync(education, Request(educationPlan.Id, 3, ProcedureType.Direct, 380_000m,
            "Mantenimiento urgente de microscopios escolares",
            "Reparación de 40 microscopios del fabricante, con refacciones originales.",
            [new("1", "Servicio de mantenimiento correctivo de microscopio", "33900001", 40m, "servicio", null)], now, days: 0, auction: null, deadline)
            with
        { InvitedSuppliers = ["supplier3"], LegalGround = "sole-supplier", Justification = "El fabricante es el único distribuidor autorizado de refacciones originales en el país (carta de exclusividad en el expediente)." },
            cancellationToken);
        await quick.PublishAsync(education, repair.Procedure.Id, cancellationToken);

        var computers = await procedures.CreateAsync(education, Request(educationPlan.Id, 2, ProcedureType.OpenInternational, 8_500_000m,
            "Equipo de cómputo para aulas digitales",
            "Computadoras portátiles para 200 aulas digitales.",
            [new("1", "Computadora portátil 14 pulgadas, 16 GB", "51500001", 2_000m, "pieza", null)], now, days: 30, auction: new AuctionPlan(30, 0.5m, 2, 2)), cancellationToken);
        await procedures.PublishAsync(education, computers.Procedure.Id, cancellationToken);
        await procedures.CancelAsync(education, computers.Procedure.Id, "El programa de aulas digitales se reprogramó para el siguiente ejercicio.", cancellationToken);
        logger.LogInformation("Portal demo data: 3 units, 2 published plans, 6 procedures; the short calls close at {Deadline:u}.", deadline);
    }

    /// <summary>A demo supplier's sealed offer, through the same service a supplier's page uses.</summary>
    private async Task OfferAsync(string supplierId, string procedureId, (string ItemId, decimal UnitPrice)[] prices, CancellationToken cancellationToken) =>
        await offers.SubmitAsync(new PortalActor(supplierId, Roles.Supplier, null), procedureId,
            new OfferRequest(Guid.NewGuid(), null, [.. prices.Select(p => new OfferItemRequest(p.ItemId, p.UnitPrice))],
                "Cumplimos las especificaciones técnicas de la convocatoria; entregas en los plazos pedidos.", []), cancellationToken);

    private static ProcedureRequest Request(string planId, int line, string type, decimal amount, string title, string description, ProcedureItem[] items,
        DateTimeOffset now, int days, AuctionPlan? auction, DateTimeOffset? deadline = null) => new()
        {
            PlanId = planId,
            PlanLineNo = line,
            Type = type,
            Title = title,
            Description = description,
            Category = type == ProcedureType.Direct || title.StartsWith("Servicio", StringComparison.Ordinal) || title.StartsWith("Mantenimiento", StringComparison.Ordinal) ? "services" : "goods",
            EstimatedAmount = amount,
            Items = items,
            Timetable = deadline is { } quick
                ? new ProcedureTimetable(null, quick, quick.AddMinutes(1), quick.AddDays(1))
                : new ProcedureTimetable(
                    days > 4 ? new DateTimeOffset(now.AddDays(days / 2).Date.AddHours(17), TimeSpan.Zero) : null,
                    new DateTimeOffset(now.AddDays(days).Date.AddHours(17), TimeSpan.Zero),
                    new DateTimeOffset(now.AddDays(days).Date.AddHours(18), TimeSpan.Zero),
                    new DateTimeOffset(now.AddDays(days + 7).Date.AddHours(17), TimeSpan.Zero)),
            Auction = auction,
        };
}
