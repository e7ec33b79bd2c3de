using CompraNet.AuctionHost.Hosting;
using CompraNet.ProcurementPortal.Features.Clarifications;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Contracts;
using CompraNet.ProcurementPortal.Features.Documents;
using CompraNet.ProcurementPortal.Features.Plans;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Features.Publication;
using CompraNet.ProcurementPortal.Features.Suppliers;
using CompraNet.ProcurementPortal.Features.Units;
using CompraNet.ProcurementPortal.Persistence;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CompraNet.ProcurementPortal.Hosting;

/// <summary>The portal's features: stores over the shared database, the services that run the cycle, OCDS publication.</summary>
public static class PortalHostingExtensions
{
    public static WebApplicationBuilder AddPortalFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicationOptions>().BindConfiguration(PublicationOptions.SectionName)
            .Validate(o => System.Text.RegularExpressions.Regex.IsMatch(o.OcidPrefix, "^ocds-[a-z0-9]{6}$"), "CompraNet:Publication:OcidPrefix is 'ocds-' and six lower-case letters or digits.")
            .ValidateOnStart();
        if (builder.Configuration.GetCompraNetOptions().DemoDataEnabled)
        {
            // The demo shortens the legal minimum periods to none, so a newcomer takes a procedure from plan to award
            // in one sitting. Lowest priority: any CompraNet:Procedures setting given still wins. Never outside the demo.
            builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
            {
                InitialData = new Dictionary<string, string?>
                {
                    [$"{ProcedureOptions.SectionName}:OpenInternationalMinimumDays"] = "0",
                    [$"{ProcedureOptions.SectionName}:OpenNationalMinimumDays"] = "0",
                    [$"{ProcedureOptions.SectionName}:RestrictedMinimumDays"] = "0",
                    [$"{ProcedureOptions.SectionName}:DirectMinimumDays"] = "0",
                },
            });
        }

        builder.Services.AddOptions<ProcedureOptions>().BindConfiguration(ProcedureOptions.SectionName);
        builder.Services.AddSingleton<PortalDb>();
        builder.Services.AddSingleton<UnitStore>();
        builder.Services.AddSingleton<SupplierStore>();
        builder.Services.AddSingleton<PlanStore>();
        builder.Services.AddSingleton<ProcedureStore>();
        builder.Services.AddSingleton<DocumentStore>();
        builder.Services.AddSingleton<ReleaseStore>();
        builder.Services.AddSingleton<ReleaseBuilder>();
        builder.Services.AddSingleton<ReleasePublisher>();
        builder.Services.AddSingleton(sp => new Ocds.OcdsSchemaValidator(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PublicationOptions>>().Value.OcidPrefix));
        builder.Services.AddSingleton<PackageBuilder>();
        builder.Services.AddSingleton<PortalActors>();
        builder.Services.AddSingleton<PlanService>();
        builder.Services.AddSingleton<ProcedureService>();
        builder.Services.AddSingleton<QuestionStore>();
        builder.Services.AddSingleton<AuctionEngine.AuctionEngineClient>();
        builder.Services.AddSingleton<Features.Offers.OfferService>();
        builder.Services.AddOptions<Features.Evaluation.EvaluationOptions>().BindConfiguration(Features.Evaluation.EvaluationOptions.SectionName);
        builder.Services.TryAddSingleton<AuctionHost.Auctions.AuctionCatalog>();
        builder.Services.AddSingleton<Features.Evaluation.EvaluationService>();
        builder.Services.AddHostedService<Features.Evaluation.AuctionResultCollector>();
        builder.Services.AddSingleton<ClarificationService>();
        Features.Interconnection.InterconnectionHostingExtensions.AddInterconnection(builder);
        builder.AddContracts();
        if (builder.Configuration.GetCompraNetOptions().DemoDataEnabled)
        {
            builder.Services.AddHostedService<Features.Demo.PortalDemoSeeder>();
            builder.Services.AddHostedService<Features.Demo.PortalDemoStages>();
            builder.Services.AddSingleton<Features.Demo.PortalDemoExecution>();
            builder.Services.AddSingleton<Features.Demo.PortalDemoTreasury>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<Features.Demo.PortalDemoTreasury>());
        }
        return builder;
    }

    /// <summary>Server-rendered pages: the public portal and the officials' and suppliers' pages (cookie sign-in, antiforgery on every form).</summary>
    public static WebApplicationBuilder AddPortalPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<Web.PortalText>();
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Oficial", PortalAuthExtensions.OfficialPolicy);
            options.Conventions.AuthorizeFolder("/Proveedor", PortalAuthExtensions.SupplierPolicy);
        });
        return builder;
    }

    public static WebApplication MapPortalFeatures(this WebApplication app)
    {
        app.MapPlanEndpoints();
        app.MapProcedureEndpoints();
        app.MapClarificationEndpoints();
        Features.Offers.OfferEndpoints.MapOfferEndpoints(app);
        Features.Evaluation.EvaluationEndpoints.MapEvaluationEndpoints(app);
        app.MapContracts();
        app.MapOcdsEndpoints();
        Features.Interconnection.InterconnectionHostingExtensions.MapInterconnection(app);
        return app;
    }
}
