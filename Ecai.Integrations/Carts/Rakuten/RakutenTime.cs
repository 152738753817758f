using System.Globalization;
using Ecai.Domain.Time;

namespace Ecai.Integrations.Carts.Rakuten;

/// <summary>
/// RMS writes and reads timestamps as "yyyy-MM-ddTHH:mm:ss+0900" and dates as "yyyy-MM-dd" [C, R1].
/// Everything ECAI stores is UTC.
/// </summary>
internal static class RakutenTime
{
    public const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss";

    /// <summary>UTC instant → "2026-11-28T18:00:00+0900".</summary>
    public static string ToWire(DateTimeOffset instant) =>
        JapanTime.ToJst(instant).ToString(WireFormat, CultureInfo.InvariantCulture) + "+0900";

    /// <summary>Reads "…+0900", "…+09:00" or "…Z"; a timestamp without an offset is read as JST.</summary>
    public static bool TryParse(string? text, out DateTimeOffset utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        // "+0900" → "+09:00" so the framework parser takes it.
        if (s.Length > 5 && s[^5] is '+' or '-' && s[^4..].All(char.IsAsciiDigit)) s = s[..^2] + ":" + s[^2..];
        if (DateTimeOffset.TryParseExact(s, [WireFormat + "zzz", WireFormat + "'Z'"], CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var parsed))
        {
            utc = parsed.ToUniversalTime();
            return true;
        }
        if (DateTime.TryParseExact(s, [WireFormat, "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            utc = JapanTime.FromJstWallClock(wall);
            return true;
        }
        return false;
    }

    /// <summary>A date-only field ("2026-11-28", also "2026/11/28") as 00:00 JST in UTC.</summary>
    public static bool TryParseDate(string? text, out DateTimeOffset utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (!DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return false;
        utc = JapanTime.At(date, TimeOnly.MinValue);
        return true;
    }

    public static DateTimeOffset TruncateToSecond(DateTimeOffset instant) =>
        instant.AddTicks(-(instant.UtcTicks % TimeSpan.TicksPerSecond));
}
