using System.Globalization;
using System.Text.RegularExpressions;

namespace CompraNet.ProcurementPortal.Ocds;

/// <summary>
/// RFC 3339 <c>date-time</c> (section 5.6), as OCDS requires for every date. NJsonSchema's own date-time check also
/// accepts dates without a time or an offset, which OCDS does not.
/// </summary>
internal static partial class Rfc3339
{
    public static bool IsDateTime(string value)
    {
        var match = DateTimePattern().Match(value);
        if (!match.Success) return false;
        int Part(string name) => int.Parse(match.Groups[name].ValueSpan, CultureInfo.InvariantCulture);
        var (year, month, day) = (Part("year"), Part("month"), Part("day"));
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && Part("hour") <= 23 && Part("minute") <= 59 && Part("second") <= 60
            && (!match.Groups["offsetHour"].Success || (Part("offsetHour") <= 23 && Part("offsetMinute") <= 59));
    }

    [GeneratedRegex(@"^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})[Tt](?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})(\.\d+)?([Zz]|[+-](?<offsetHour>\d{2}):(?<offsetMinute>\d{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}
