using System.Globalization;

namespace Ecai.Domain.Carts;

/// <summary>
/// ISO 4217 minor units: amounts are stored as whole numbers of a currency's smallest unit (yen for JPY, cents for
/// USD), so nothing is rounded and sums stay exact. A code ECAI does not list has two decimals, as most do.
/// </summary>
public static class Currencies
{
    public const string Yen = "JPY";

    // ISO 4217's currencies without decimals, and those with three.
    private static readonly HashSet<string> NoDecimals =
        ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"];
    private static readonly HashSet<string> ThreeDecimals = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    /// <summary>"usd " → "USD"; null for anything that is not three ASCII letters.</summary>
    public static string? Normalize(string? code)
    {
        var text = code?.Trim().ToUpperInvariant();
        return text is { Length: 3 } && text.All(char.IsAsciiLetterUpper) ? text : null;
    }

    /// <summary>Decimals of the currency's minor unit; null (unknown) is yen.</summary>
    public static int MinorDigits(string? code) => (Normalize(code) ?? Yen) switch
    {
        var c when NoDecimals.Contains(c) => 0,
        var c when ThreeDecimals.Contains(c) => 3,
        _ => 2,
    };

    /// <summary>
    /// A decimal text ("57.48", "3980.00") in minor units of <paramref name="code"/>, or null when it is not a number or
    /// has more decimals than the currency allows (never rounded).
    /// </summary>
    public static long? ToMinor(string? text, string? code)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var value)) return null;
        var scaled = value * Scale(code);
        return scaled == decimal.Truncate(scaled) && scaled is >= long.MinValue and <= long.MaxValue ? (long)scaled : null;
    }

    /// <summary>Minor units back to the amount in the currency (5748 USD → 57.48).</summary>
    public static decimal ToMajor(long minor, string? code) => minor / Scale(code);

    /// <summary>True for null (the carts that report no currency are in yen) and JPY.</summary>
    public static bool IsYen(string? code) => (Normalize(code) ?? Yen) == Yen;

    private static decimal Scale(string? code) => MinorDigits(code) switch { 0 => 1m, 3 => 1000m, _ => 100m };
}
