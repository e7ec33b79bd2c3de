using System.Globalization;

namespace CompraNet.AuctionHost.Persistence;

/// <summary>How the embedded schema stores timestamps: ISO-8601 UTC text with 100 ns precision, sortable as text.</summary>
internal static class SqliteText
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string FromTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ToTimestamp(string value) =>
        new(DateTime.SpecifyKind(
            DateTime.ParseExact(value, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None),
            DateTimeKind.Utc));
}
