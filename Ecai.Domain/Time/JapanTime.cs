using System.Globalization;

namespace Ecai.Domain.Time;

/// <summary>
/// The one place Japan time is computed. Times are stored in UTC; every rule a person states in
/// Japan time ("2 days after at 18:00", "the 1st at 00:00") goes through here.
/// </summary>
public static class JapanTime
{
    /// <summary>Asia/Tokyo from the system's tz data; a fixed +09:00 zone (Japan has no DST) where it is missing.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Tokyo", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("Asia/Tokyo", TimeSpan.FromHours(9), "Japan Standard Time", "JST");
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTimeOffset ToJst(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToJst(clock.GetUtcNow()).DateTime);

    /// <summary>The UTC instant of a Japan wall-clock time.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) =>
        new DateTimeOffset(date.ToDateTime(time), Offset).ToUniversalTime();

    /// <summary>"N days after <paramref name="from"/> (a JST day) at HH:MM JST".</summary>
    public static DateTimeOffset DaysAfterAt(DateTimeOffset from, int days, TimeOnly at) =>
        At(DateOnly.FromDateTime(ToJst(from).DateTime).AddDays(days), at);

    /// <summary>Parses a cart's JST wall-clock timestamp with no offset ("2019/06/08 05:47:17").</summary>
    public static DateTimeOffset FromJstWallClock(DateTime wallClock) =>
        new DateTimeOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), Offset).ToUniversalTime();

    /// <summary>First instant (UTC) of the JST month containing <paramref name="instant"/>.</summary>
    public static DateTimeOffset StartOfMonth(DateTimeOffset instant)
    {
        var jst = ToJst(instant);
        return new DateTimeOffset(jst.Year, jst.Month, 1, 0, 0, 0, Offset).ToUniversalTime();
    }

    /// <summary>"2026/11/28 18:00" in JST, the UI's date format, whatever the current culture (the
    /// invariant culture keeps "/" and ":" literal and the Gregorian year).</summary>
    public static string Format(DateTimeOffset instant) =>
        ToJst(instant).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);
}
