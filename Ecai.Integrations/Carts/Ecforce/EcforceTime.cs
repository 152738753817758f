using System.Globalization;
using Ecai.Domain.Time;

namespace Ecai.Integrations.Carts.Ecforce;

/// <summary>
/// ecforce speaks JST wall-clock time without an offset. Responses use "2019/06/08 05:47:17" [C3];
/// some fields come as "2019-06-08 05:47:17", "2019/06/08" or "2019-06-08" [C3]; requests use
/// "YYYY-MM-DD HH:MM:SS" [C3]. Everything ECAI stores is UTC.
/// </summary>
internal static class EcforceTime
{
    /// <summary>The format of <c>q[..._gteq]</c> values and of the cursor we hand back.</summary>
    public const string QueryFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The format ecforce writes timestamps in.</summary>
    public const string WireFormat = "yyyy/MM/dd HH:mm:ss";

    private static readonly string[] Formats =
        [WireFormat, QueryFormat, "yyyy/MM/dd HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy/MM/dd", "yyyy-MM-dd"];

    /// <summary>Reads a JST timestamp; false for null, blank or anything unparsable.</summary>
    public static bool TryParse(string? text, out DateTimeOffset utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var span = text.AsSpan().Trim();
        if (DateTime.TryParseExact(span, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
        {
            utc = JapanTime.FromJstWallClock(wallClock);
            return true;
        }
        // An explicit offset ("2019-06-08T05:47:17+09:00") is honoured as written.
        if (span.Contains('+') || span.EndsWith("Z", StringComparison.Ordinal))
        {
            if (DateTimeOffset.TryParse(span, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            {
                utc = withOffset.ToUniversalTime();
                return true;
            }
        }
        return false;
    }

    /// <summary>A date-only field such as <c>birth</c> ("1990/04/01" [I] or "1990-04-01").</summary>
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (!DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return false;
        date = DateOnly.FromDateTime(value);
        return true;
    }

    /// <summary>UTC instant → "YYYY-MM-DD HH:MM:SS" in JST (query values, cursors).</summary>
    public static string ToQuery(DateTimeOffset instant) =>
        JapanTime.ToJst(instant).ToString(QueryFormat, CultureInfo.InvariantCulture);

    /// <summary>UTC instant → "YYYY/MM/DD HH:MM:SS" in JST (what ecforce writes).</summary>
    public static string ToWire(DateTimeOffset instant) =>
        JapanTime.ToJst(instant).ToString(WireFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// The hot path, straight from JSON bytes: exactly "yyyy/MM/dd HH:mm:ss" or "yyyy-MM-dd HH:mm:ss".
    /// Anything else returns false and goes through <see cref="TryParse"/>.
    /// </summary>
    public static bool TryParseUtf8(ReadOnlySpan<byte> s, out DateTimeOffset utc)
    {
        utc = default;
        if (s.Length != 19 || s[10] != ' ' || s[13] != ':' || s[16] != ':') return false;
        if (!(s[4] == '/' && s[7] == '/') && !(s[4] == '-' && s[7] == '-')) return false;
        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)
            || !TryDigits(s.Slice(11, 2), out var hour) || !TryDigits(s.Slice(14, 2), out var minute) || !TryDigits(s.Slice(17, 2), out var second))
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        utc = JapanTime.FromJstWallClock(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified));
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            if (b is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + (b - '0');
        }
        return true;
    }
}

/// <summary>
/// A timestamp field as read from ecforce: <see cref="Utc"/> when it parsed; <see cref="Text"/> holds
/// the original text when it did not. Both null: the field was absent, null or blank.
/// </summary>
internal readonly record struct EcforceTimestamp(DateTimeOffset? Utc, string? Text)
{
    public bool IsBlank => Utc is null && Text is null;

    public bool IsUnreadable => Utc is null && Text is not null;
}
