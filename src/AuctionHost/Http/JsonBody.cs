using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CompraNet.AuctionHost.Http;

/// <summary>
/// Reads a JSON body with the wire options and turns every way it can be wrong (not JSON, a string for a number,
/// a number out of range) into a 400 problem that names the field, instead of the framework's generic failure.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 4 * 1024 * 1024;

    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "invalid", "Send the body as application/json."));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, Problems.Of(StatusCodes.Status413PayloadTooLarge, "invalid", $"The body is larger than {MaxBytes} bytes."));
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken);
            return value is null
                ? (null, Problems.Of(StatusCodes.Status400BadRequest, "invalid", "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            const string Rule = "numbers must be JSON numbers within range (not strings), times ISO-8601 (e.g. 2026-12-01T17:00:00Z), enums one of the documented values.";
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? null : ex.Path.TrimStart('$', '.');
            return (null, Problems.Of(StatusCodes.Status400BadRequest, "invalid", "The body is not valid JSON for this request.",
                $"Check {field ?? "the body"}: {Rule}",
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field ?? "$"] = [$"Not valid here: {Rule}"] } }));
        }
    }
}
