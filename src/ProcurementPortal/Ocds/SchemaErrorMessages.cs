using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace CompraNet.ProcurementPortal.Ocds;

/// <summary>
/// Turns NJsonSchema's nested errors into flat issues at the deepest path that explains them: an invalid array item
/// or property is reported through its own errors, a value that matches none of its types through the errors of the
/// type it has, and a failed <c>oneOf</c>/<c>anyOf</c> through the alternative that came closest.
/// </summary>
internal static partial class SchemaErrorMessages
{
    private static readonly JsonObjectType[] TypeOrder =
    [
        JsonObjectType.String, JsonObjectType.Number, JsonObjectType.Integer, JsonObjectType.Boolean,
        JsonObjectType.Object, JsonObjectType.Array, JsonObjectType.Null,
    ];

    public static void AddTo(OcdsFindings findings, IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors) Add(findings, error);
    }

    private static void Add(OcdsFindings findings, ValidationError error)
    {
        switch (error)
        {
            case ChildSchemaValidationError alternatives when error.Kind is ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf:
                var closest = alternatives.Errors.Values.OrderBy(e => e.Count).FirstOrDefault();
                if (closest is null || closest.Count == 0) findings.Error(OcdsPath.FromSchemaPath(error.Path), Describe(error));
                else AddTo(findings, closest);
                break;
            case ChildSchemaValidationError nested when nested.Errors.Count > 0:
                foreach (var childErrors in nested.Errors.Values) AddTo(findings, childErrors);
                break;
            case MultiTypeValidationError multiType when ErrorsOfOwnType(multiType) is { Count: > 0 } ownTypeErrors:
                AddTo(findings, ownTypeErrors);
                break;
            default:
                findings.Error(OcdsPath.FromSchemaPath(error.Path), Describe(error));
                break;
        }
    }

    private static ICollection<ValidationError>? ErrorsOfOwnType(MultiTypeValidationError error)
    {
        var type = error.Token is null ? JsonObjectType.None : TypeOf(error.Token);
        if (error.Errors.TryGetValue(type, out var errors)) return errors;
        return type == JsonObjectType.Integer ? error.Errors.GetValueOrDefault(JsonObjectType.Number) : null;
    }

    private static string Describe(ValidationError error)
    {
        var schema = error.Schema;
        var value = Show(error.Token);
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => "required property is missing",
            ValidationErrorKind.NotInEnumeration => $"{value} is not one of the allowed values",
            ValidationErrorKind.NoTypeValidates => $"expected {ExpectedTypes(schema)}, got {value}",
            ValidationErrorKind.PatternMismatch => $"{value} does not match the pattern {schema?.Pattern}",
            ValidationErrorKind.StringTooShort => $"{value} is shorter than {schema?.MinLength} characters",
            ValidationErrorKind.TooFewItems => $"has fewer than {schema?.MinItems} items",
            ValidationErrorKind.TooFewProperties => $"has fewer than {schema?.MinProperties} properties",
            ValidationErrorKind.ItemsNotUnique => "has repeated items",
            ValidationErrorKind.NotOneOf => "matches more than one of the allowed forms",
            ValidationErrorKind.DateTimeExpected => $"expected a date-time, got {value}",
            _ when error.Kind.ToString().EndsWith("Expected", StringComparison.Ordinal) =>
                $"expected {Words(error.Kind.ToString()[..^"Expected".Length])}, got {value}",
            _ => $"{Words(error.Kind.ToString())} ({value})",
        };
    }

    private static string ExpectedTypes(JsonSchema? schema)
    {
        if (schema is null) return "another type";
        var types = TypeOrder.Where(t => schema.Type.HasFlag(t)).Select(t => t.ToString().ToLowerInvariant());
        return string.Join(" or ", types);
    }

    private static JsonObjectType TypeOf(JToken token) => token.Type switch
    {
        JTokenType.Object => JsonObjectType.Object,
        JTokenType.Array => JsonObjectType.Array,
        JTokenType.Integer => JsonObjectType.Integer,
        JTokenType.Float => JsonObjectType.Number,
        JTokenType.Boolean => JsonObjectType.Boolean,
        JTokenType.Null => JsonObjectType.Null,
        _ => JsonObjectType.String,
    };

    private static string Show(JToken? token) => token switch
    {
        null => "nothing",
        JObject => "an object",
        JArray => "an array",
        _ => Shorten(token.ToString(Formatting.None)),
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private static string Words(string pascalCase) =>
        CamelHump().Replace(pascalCase, " $1").Trim().ToLower(CultureInfo.InvariantCulture);

    [GeneratedRegex("([A-Z])")]
    private static partial Regex CamelHump();
}
