using System.Globalization;

namespace CompraNet.ProcurementPortal.Web;

/// <summary>
/// Reads what a form sent (kept as text, so a page can show back exactly what was typed) and writes values into
/// inputs. Blank is "not given" (null), which is valid here: whether a value is required is the services' rule.
/// Times are the <c>datetime-local</c> inputs' <c>yyyy-MM-ddTHH:mm</c>, read as UTC.
/// </summary>
public static class FormValues
{
    private static readonly string[] LocalTimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.fff"];

    public static bool TryDecimal(string? value, out decimal? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (decimal.TryParse(value.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            result = parsed;
            return true;
        }

        return false;
    }

    public static bool TryInt(string? value, out int? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            result = parsed;
            return true;
        }

        return false;
    }

    public static bool TryUtc(string? value, out DateTimeOffset? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (DateTime.TryParseExact(value.Trim(), LocalTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            result = new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified), TimeSpan.Zero);
            return true;
        }

        return false;
    }

    /// <summary>A <c>month</c> input (<c>yyyy-MM</c>) or a date (<c>yyyy-MM-dd</c>), as the first day of its month.</summary>
    public static bool TryMonth(string? value, out DateOnly? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (DateOnly.TryParseExact(value.Trim(), ["yyyy-MM", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            result = new DateOnly(parsed.Year, parsed.Month, 1);
            return true;
        }

        return false;
    }

    /// <summary>A <c>date</c> input (<c>yyyy-MM-dd</c>).</summary>
    public static bool TryDay(string? value, out DateOnly? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            result = parsed;
            return true;
        }

        return false;
    }

    /// <summary>The value of a <c>date</c> input.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The value of a <c>datetime-local</c> input showing <paramref name="at"/> in UTC.</summary>
    public static string? Utc(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
