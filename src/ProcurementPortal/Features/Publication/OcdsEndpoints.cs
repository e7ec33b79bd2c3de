using System.Globalization;
using System.Text;
using CompraNet.AuctionHost.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CompraNet.ProcurementPortal.Features.Publication;

/// <summary>The public OCDS API: release packages (paged, by date), single releases, records with the compiled release, and the bulk JSON Lines file.</summary>
public static class OcdsEndpoints
{
    public const int DefaultPageSize = 100;

    public static RouteGroupBuilder MapOcdsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ocds").WithTags("OCDS").AllowAnonymous();
        group.MapGet("/releases", ListAsync)
            .WithSummary("Release package of every release in publication order; filter by date (since inclusive, until exclusive); follow links.next for the next page.");
        group.MapGet("/releases/{releaseId}", GetAsync).WithSummary("A release package holding one release.");
        group.MapGet("/records/{ocid}", RecordAsync)
            .WithSummary("A record package: every release of the contracting process (embedded, or with ?releases=linked as links) and its compiled release.");
        group.MapGet("/bulk", BulkAsync).WithSummary("Every release as JSON Lines (one release per line), streamed.");
        return group;
    }

    private static async Task<Results<Ok<System.Text.Json.Nodes.JsonObject>, ProblemHttpResult>> ListAsync(
        ReleaseStore releases, PackageBuilder packages, DateTimeOffset? since, DateTimeOffset? until, long? after, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > ReleaseStore.MaxPageSize)
        {
            return Problem("limit", $"limit is 1 to {ReleaseStore.MaxPageSize}.");
        }

        if (after is < 0)
        {
            return Problem("after", "after is a position returned in links.next.");
        }

        if (since is { } s && until is { } u && u <= s)
        {
            return Problem("until", "until must be after since.");
        }

        var size = limit ?? DefaultPageSize;
        var page = await releases.PageAsync(after ?? 0, size, since, until, cancellationToken);
        var query = new StringBuilder($"/api/ocds/releases?limit={size}");
        if (since is { } from)
        {
            query.Append("&since=").Append(Uri.EscapeDataString(ReleaseBuilder.Time(from)));
        }

        if (until is { } to)
        {
            query.Append("&until=").Append(Uri.EscapeDataString(ReleaseBuilder.Time(to)));
        }

        var self = packages.Url(query + (after is { } a ? string.Create(CultureInfo.InvariantCulture, $"&after={a}") : ""));
        var next = page.Count == size ? packages.Url(query + string.Create(CultureInfo.InvariantCulture, $"&after={page[^1].Seq}")) : null;
        return TypedResults.Ok(packages.ReleasePackage(self, page, next));
    }

    private static async Task<Results<Ok<System.Text.Json.Nodes.JsonObject>, ProblemHttpResult>> GetAsync(
        ReleaseStore releases, PackageBuilder packages, string releaseId, CancellationToken cancellationToken)
    {
        var release = await releases.FindAsync(releaseId, cancellationToken);
        return release is null
            ? NotFound($"No release {releaseId}.")
            : TypedResults.Ok(packages.ReleasePackage(packages.Url($"/api/ocds/releases/{Uri.EscapeDataString(releaseId)}"), [release], null));
    }

    private static async Task<Results<Ok<System.Text.Json.Nodes.JsonObject>, ProblemHttpResult>> RecordAsync(
        ReleaseStore releases, PackageBuilder packages, string ocid, [FromQuery(Name = "releases")] string? mode, CancellationToken cancellationToken)
    {
        if (mode is not (null or "embedded" or "linked"))
        {
            return Problem("releases", "releases is 'embedded' (the default) or 'linked'.");
        }

        var uri = packages.Url($"/api/ocds/records/{Uri.EscapeDataString(ocid)}{(mode == "linked" ? "?releases=linked" : "")}");
        if (mode == "linked")
        {
            var (links, latest) = await releases.LinksForOcidAsync(ocid, cancellationToken);
            return latest is null ? NotFound($"No contracting process {ocid}.") : TypedResults.Ok(packages.LinkedRecordPackage(uri, ocid, links, latest));
        }

        var all = await releases.ForOcidAsync(ocid, cancellationToken);
        return all.Count == 0
            ? NotFound($"No contracting process {ocid}.")
            : TypedResults.Ok(packages.RecordPackage(uri, ocid, all));
    }

    private static async Task BulkAsync(HttpContext context, ReleaseStore releases, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "application/x-ndjson; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"compranet-releases.jsonl\"";
        var writer = context.Response.BodyWriter;
        var count = 0;
        await foreach (var release in releases.StreamAsync(cancellationToken))
        {
            await writer.WriteAsync(Encoding.UTF8.GetBytes(release.Payload + "\n"), cancellationToken);
            if (++count % 100 == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }
    }

    private static ProblemHttpResult Problem(string field, string message) =>
        Problems.Validation(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult NotFound(string message) =>
        Problems.Of(StatusCodes.Status404NotFound, "not-found", message);
}
