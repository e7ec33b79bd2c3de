using Microsoft.AspNetCore.Http.HttpResults;

namespace CompraNet.Baseline.Http;

/// <summary>RFC 9457 problem details carrying the stable <c>code</c> member, as the engine's errors do.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult Of(int status, string code, string title, string? detail = null, object? extra = null, string? extraName = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (extraName is not null)
        {
            extensions[extraName] = extra;
        }

        return TypedResults.Problem(detail, statusCode: status, title: title, type: $"urn:compranet:problem:{code}", extensions: extensions);
    }

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors) =>
        Of(StatusCodes.Status400BadRequest, "validation", "The request has invalid fields.", "See errors: one entry per field.", errors, "errors");
}
