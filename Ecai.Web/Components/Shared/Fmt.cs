using System.Globalization;
using Ecai.Domain.Carts;
using Ecai.Domain.Time;

namespace Ecai.Web.Components.Shared;

/// <summary>How the UI writes numbers, yen, shares and dates, whatever the thread's culture.</summary>
public static class Fmt
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    /// <summary>12,800</summary>
    public static string Number(long value) => value.ToString("N0", Japanese);

    /// <summary>¥12,800</summary>
    public static string Yen(long value) => "¥" + value.ToString("N0", Japanese);

    /// <summary>
    /// An amount in minor units of <paramref name="currency"/>: ¥12,800 for yen (or no currency), otherwise the amount
    /// with the currency's decimals and its ISO code, e.g. 57.48 USD.
    /// </summary>
    public static string Money(long minor, string? currency) =>
        Currencies.IsYen(currency) ? Yen(minor)
            : Currencies.ToMajor(minor, currency).ToString("N" + Currencies.MinorDigits(currency), Japanese)
              + " " + Currencies.Normalize(currency);

    /// <summary>42.5%</summary>
    public static string Percent(double value) => value.ToString("0.0", Japanese) + "%";

    /// <summary>2026/11/28 18:00 (JST), or "-" when there is no time.</summary>
    public static string Time(DateTimeOffset? instant) => instant is { } t ? JapanTime.Format(t) : "-";

    /// <summary>カート連携頻度: 15分ごと, 1時間ごと, 1日ごと.</summary>
    public static string Interval(int minutes) => minutes switch
    {
        >= 1440 when minutes % 1440 == 0 => $"{minutes / 1440}日ごと",
        >= 60 when minutes % 60 == 0 => $"{minutes / 60}時間ごと",
        _ => $"{minutes}分ごと",
    };

    /// <summary>The value of an HTML date input ("2026-11-28"), or null when empty or not a date.</summary>
    public static DateOnly? DateInput(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>The JST day of an instant, 2026/11/28; "-" when there is none.</summary>
    public static string Day(DateTimeOffset? instant) =>
        instant is { } t ? Date(DateOnly.FromDateTime(JapanTime.ToJst(t).DateTime)) : "-";

    /// <summary>2026/11/28</summary>
    public static string Date(DateOnly day) => day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    /// <summary>The requested delivery (お届け日時): "2026/12/10 午前中", the date or the slot alone, or "-".</summary>
    public static string Delivery(DateOnly? day, string? slot) =>
        string.Join(" ", new[] { day is { } d ? Date(d) : null, string.IsNullOrWhiteSpace(slot) ? null : slot.Trim() }.OfType<string>()) is { Length: > 0 } text
            ? text : "-";

    /// <summary>2026/11</summary>
    public static string Month(DateOnly month) => month.ToString("yyyy/MM", CultureInfo.InvariantCulture);
}
