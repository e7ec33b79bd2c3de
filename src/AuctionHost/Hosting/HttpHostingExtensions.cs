using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionHost.Http;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace CompraNet.AuctionHost.Hosting;

/// <summary>The HTTP surface around the API: JSON wire format, problem details, OpenAPI, health, static pages.</summary>
public static class HttpHostingExtensions
{
    public static WebApplicationBuilder AddAuctionHttp(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => JsonDefaults.Apply(options.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CompraNet auction API";
            document.Info.Description = "Electronic reverse auctions: the REST half of PROTOCOL.md (docs/protocol.md). " +
                "Live updates and bidding also run over SignalR at /hubs/auctions. Sign in with POST /api/auth/token and send the token as a bearer token.";
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
            };
            return Task.CompletedTask;
        }));
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return builder;
    }

    public static WebApplication UseAuctionHttp(this WebApplication app, bool defaultFiles = true)
    {
        app.UseExceptionHandler(errors => errors.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var result = error is AuctionStorageException
                ? Problems.Of(StatusCodes.Status503ServiceUnavailable, "unavailable", "Storage is unavailable; try again shortly.")
                : Problems.Of(StatusCodes.Status500InternalServerError, "internal", "Something went wrong on our side; it was logged.");
            await result.ExecuteAsync(context);
        }));
        // Routing answers 415 itself for a body that is not JSON: give it the problem body every error has.
        app.UseStatusCodePages(context => context.HttpContext.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType
            ? Problems.Of(StatusCodes.Status415UnsupportedMediaType, "invalid", "Send the body as application/json.").ExecuteAsync(context.HttpContext)
            : Task.CompletedTask);
        if (defaultFiles)
        {
            app.UseDefaultFiles();
        }

        app.UseStaticFiles();
        // Before authentication: a preflight carries no token (HostsHostingExtensions has the policy). A client
        // application (the portal with PostgreSQL) serves no hub to other hosts' pages and registers no policy.
        if (app.Services.GetService<Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider>() is HostCorsPolicyProvider)
        {
            app.UseCors(HostsHostingExtensions.CorsPolicy);
        }
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api-docs", options => options.WithTitle("CompraNet auction API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResultStatusCodes = { [HealthStatus.Healthy] = 200, [HealthStatus.Degraded] = 200, [HealthStatus.Unhealthy] = 503 },
        });
        return app;
    }
}
