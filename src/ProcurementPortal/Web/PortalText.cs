namespace CompraNet.ProcurementPortal.Web;

/// <summary>
/// The pages' words in Spanish (first) and English. The language comes from the <c>lang</c> cookie, set by the
/// switch in the header; a missing English text falls back to Spanish, a missing key shows the key.
/// </summary>
public sealed class PortalText(IHttpContextAccessor http)
{
    public const string CookieName = "compranet.lang";

    public string Language => http.HttpContext?.Request.Cookies[CookieName] == "en" ? "en" : "es";

    public string this[string key] => (Language == "en" && PortalTexts.English.TryGetValue(key, out var en) ? en : null)
        ?? (PortalTexts.Spanish.TryGetValue(key, out var es) ? es : key);

    public string Format(string key, params object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], args);

    public System.Globalization.CultureInfo Culture => System.Globalization.CultureInfo.GetCultureInfo(Language == "en" ? "en-US" : "es-MX");

    public string Money(decimal amount, string currency) => $"{amount.ToString("N2", Culture)} {currency}";

    public string Day(DateOnly? day) => day is { } value ? value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public string Date(DateTimeOffset? at) => at is { } value ? value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
