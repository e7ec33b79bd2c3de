using CompraNet.ProcurementPortal.Features.Execution;

namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>The contracts feature: its store (also read by the release publisher), its service and its endpoints.</summary>
public static class ContractsHostingExtensions
{
    public static WebApplicationBuilder AddContracts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ContractStore>();
        builder.Services.AddSingleton<ContractService>();
        builder.Services.AddSingleton<Execution.ExecutionService>();
        builder.Services.AddSingleton<Execution.SupplierPerformanceService>();
        return builder;
    }

    public static WebApplication MapContracts(this WebApplication app)
    {
        app.MapContractEndpoints();
        app.MapExecutionEndpoints();
        return app;
    }
}
