using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CompraNet.AuctionHost.Http;

/// <summary>RFC 9457 problem details with the stable <c>code</c> member every CompraNet error carries.</summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"urn:compranet:problem:{code}" };
        problem.Extensions["code"] = code;
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                problem.Extensions[key] = value;
            }
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors) =>
        Of(StatusCodes.Status400BadRequest, "validation", "The request has invalid fields.", "See errors: one entry per field.",
            new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult NotFound(string what) =>
        Of(StatusCodes.Status404NotFound, "not-found", $"{what} was not found.");
}
