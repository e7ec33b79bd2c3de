using System.Text.Json;
using CompraNet.ProcurementPortal.Features.Common;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>The token request, from a form (as OAuth 2.0 sends it) or a JSON object with the same names.</summary>
public sealed record ClientTokenRequest(string ClientId, string ClientSecret)
{
    public static async Task<ClientTokenRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var name in new[] { "client_id", "client_secret", "grant_type" })
            {
                fields[name] = form[name].ToString();
            }
        }
        else if (request.HasJsonContentType())
        {
            try
            {
                using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
                if (json.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in json.RootElement.EnumerateObject())
                    {
                        fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    }
                }
            }
            catch (JsonException)
            {
                throw PortalValidationException.Of("body", "The body is not JSON.");
            }
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (fields.GetValueOrDefault("grant_type") != ClientCredentials.GrantType)
        {
            errors["grant_type"] = [$"Only '{ClientCredentials.GrantType}' is supported."];
        }

        if (fields.GetValueOrDefault("client_id") is not { Length: > 0 and <= 100 })
        {
            errors["client_id"] = ["Give the client id."];
        }

        if (fields.GetValueOrDefault("client_secret") is not { Length: > 0 and <= 200 })
        {
            errors["client_secret"] = ["Give the client secret."];
        }

        return errors.Count > 0
            ? throw new PortalValidationException(errors)
            : new ClientTokenRequest(fields["client_id"]!, fields["client_secret"]!);
    }
}
