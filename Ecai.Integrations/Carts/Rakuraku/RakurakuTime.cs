using System.Globalization;

namespace Ecai.Integrations.Carts.Rakuraku;

/// <summary>[I] Wire times are JST wall clock without an offset ("yyyy-MM-dd HH:mm:ss"), dates "yyyy-MM-dd".</summary>
internal static class RakurakuTime
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"];

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (!DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        value = new DateTimeOffset(local, Jst).ToUniversalTime();
        return true;
    }

    public static bool TryParseDate(string? text, out DateOnly value)
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text)
               && DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>An instant as the wire writes it (whole seconds, JST).</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.ToOffset(Jst).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
