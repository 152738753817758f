using System.Globalization;
using Ecai.Domain.Time;

namespace Ecai.Integrations.Carts.Shared;

/// <summary>
/// Timestamps of Japanese carts: JST wall clock without an offset ("2026-01-31 18:15:00",
/// "2026/01/31 18:15:00") or ISO 8601 with an offset ("2026-01-31T18:15:00+09:00"). ECAI stores UTC.
/// </summary>
internal static class CartTime
{
    private static readonly string[] WallClockFormats =
        ["yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd", "yyyy/MM/dd"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd"];

    /// <summary>A JST wall-clock or offset timestamp; false for blank or unreadable text.</summary>
    public static bool TryParse(string? text, out DateTimeOffset utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (DateTime.TryParseExact(s, WallClockFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
        {
            utc = JapanTime.FromJstWallClock(wallClock);
            return true;
        }
        if ((s.Contains('+') || s.EndsWith('Z') || s.LastIndexOf('-') > 10)
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            utc = withOffset.ToUniversalTime();
            return true;
        }
        return false;
    }

    /// <summary>A date without time (birthday); false for blank, "0000-00-00" or unreadable text.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A UTC instant as JST wall clock in the given format.</summary>
    public static string ToJst(DateTimeOffset instant, string format) =>
        JapanTime.ToJst(instant).ToString(format, CultureInfo.InvariantCulture);
}
