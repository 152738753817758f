using System.Globalization;
using Ecai.Domain.Time;
using Microsoft.Extensions.Time.Testing;

namespace Ecai.Tests.Domain.Time;

public class JapanTimeTests
{
    private static DateTimeOffset Utc(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    [Fact]
    public void Zone_and_offset_are_Japan()
    {
        Assert.Equal(TimeSpan.FromHours(9), JapanTime.Offset);
        Assert.Equal(TimeSpan.FromHours(9), JapanTime.Zone.GetUtcOffset(Utc("2026-07-01T00:00:00Z"))); // no summer time
        Assert.Equal(TimeSpan.FromHours(9), JapanTime.Zone.GetUtcOffset(Utc("2026-01-01T00:00:00Z")));
    }

    [Theory]
    [InlineData("2026-11-25T14:59:59Z", "2026-11-25T23:59:59+09:00")]
    [InlineData("2026-11-25T15:00:00Z", "2026-11-26T00:00:00+09:00")]
    [InlineData("2026-12-31T15:00:00Z", "2027-01-01T00:00:00+09:00")]
    public void ToJst_keeps_the_instant_and_shows_Japan_wall_clock(string utc, string jst)
    {
        var result = JapanTime.ToJst(Utc(utc));
        Assert.Equal(DateTimeOffset.Parse(jst, CultureInfo.InvariantCulture), result);
        Assert.Equal(TimeSpan.FromHours(9), result.Offset);
        Assert.Equal(DateTimeOffset.Parse(jst, CultureInfo.InvariantCulture).DateTime, result.DateTime);
    }

    [Theory]
    [InlineData("2026-11-30T14:59:59Z", "2026-11-30")]
    [InlineData("2026-11-30T15:00:00Z", "2026-12-01")]   // already Dec 1 in Japan, still Nov 30 in UTC
    [InlineData("2026-12-31T15:30:00Z", "2027-01-01")]
    [InlineData("2026-03-01T00:00:00Z", "2026-03-01")]
    public void Today_is_the_Japan_date_of_the_clock(string utcNow, string expected)
    {
        var clock = new FakeTimeProvider(Utc(utcNow));
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), JapanTime.Today(clock));
    }

    [Fact]
    public void Today_ignores_the_clocks_local_time_zone_and_follows_it_as_time_passes()
    {
        var clock = new FakeTimeProvider(Utc("2026-11-30T14:00:00Z"));
        clock.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC-10", TimeSpan.FromHours(-10), "UTC-10", "UTC-10"));
        Assert.Equal(new DateOnly(2026, 11, 30), JapanTime.Today(clock));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new DateOnly(2026, 12, 1), JapanTime.Today(clock));
    }

    [Theory]
    [InlineData(2026, 11, 27, 18, 0, "2026-11-27T09:00:00Z")]
    [InlineData(2026, 12, 1, 0, 0, "2026-11-30T15:00:00Z")]
    [InlineData(2027, 1, 1, 8, 59, "2026-12-31T23:59:00Z")]
    [InlineData(2027, 1, 1, 9, 0, "2027-01-01T00:00:00Z")]
    public void At_gives_the_UTC_instant_of_a_Japan_wall_clock(int y, int m, int d, int h, int min, string expected)
    {
        var result = JapanTime.At(new DateOnly(y, m, d), new TimeOnly(h, min));
        Assert.Equal(Utc(expected), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
    }

    [Theory]
    // Shipped 2026-11-25 23:30 JST (= 14:30Z, the same UTC day); "2 days after at 18:00" is Nov 27 18:00 JST.
    [InlineData("2026-11-25T14:30:00Z", 2, 18, 0, "2026-11-27T09:00:00Z")]
    // Shipped 2026-11-26 00:30 JST (= Nov 25 15:30Z): counting from the UTC date would be one day early.
    [InlineData("2026-11-25T15:30:00Z", 2, 18, 0, "2026-11-28T09:00:00Z")]
    [InlineData("2026-11-25T14:59:59Z", 2, 18, 0, "2026-11-27T09:00:00Z")]
    [InlineData("2026-11-25T15:00:00Z", 2, 18, 0, "2026-11-28T09:00:00Z")]
    [InlineData("2026-11-25T14:30:00Z", 0, 18, 0, "2026-11-25T09:00:00Z")]  // same day, even if already past
    [InlineData("2026-11-25T14:30:00Z", 1, 8, 0, "2026-11-25T23:00:00Z")]   // 08:00 JST is the previous UTC day
    [InlineData("2026-12-30T16:00:00Z", 3, 10, 0, "2027-01-03T01:00:00Z")]  // across the year
    [InlineData("2028-02-27T20:00:00Z", 1, 12, 0, "2028-02-29T03:00:00Z")]  // leap day
    public void DaysAfterAt_counts_Japan_days(string fromUtc, int days, int h, int min, string expected) =>
        Assert.Equal(Utc(expected), JapanTime.DaysAfterAt(Utc(fromUtc), days, new TimeOnly(h, min)));

    [Fact]
    public void DaysAfterAt_does_not_depend_on_the_offset_the_instant_is_written_in()
    {
        var shipped = Utc("2026-11-25T14:30:00Z");
        var expected = Utc("2026-11-27T09:00:00Z");
        foreach (var offset in new[] { 0, 9, -5, 14, -12 })
            Assert.Equal(expected, JapanTime.DaysAfterAt(shipped.ToOffset(TimeSpan.FromHours(offset)), 2, new TimeOnly(18, 0)));
    }

    [Theory]
    [InlineData(DateTimeKind.Unspecified)]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Local)]
    public void FromJstWallClock_reads_a_cart_timestamp_as_Japan_time_whatever_its_kind(DateTimeKind kind)
    {
        // ecforce/Rakuten write "2019/06/08 05:47:17" in JST with no offset.
        var wall = DateTime.SpecifyKind(DateTime.ParseExact("2019/06/08 05:47:17", "yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture), kind);
        var result = JapanTime.FromJstWallClock(wall);
        Assert.Equal(Utc("2019-06-07T20:47:17Z"), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
    }

    [Fact]
    public void FromJstWallClock_round_trips_through_ToJst()
    {
        var wall = new DateTime(2026, 12, 1, 0, 0, 0);
        Assert.Equal(wall, JapanTime.ToJst(JapanTime.FromJstWallClock(wall)).DateTime);
    }

    [Theory]
    [InlineData("2026-11-30T16:00:00Z", "2026-11-30T15:00:00Z")]  // 2026-12-01 01:00 JST: December already
    [InlineData("2026-11-30T15:00:00Z", "2026-11-30T15:00:00Z")]  // exactly Dec 1 00:00 JST
    [InlineData("2026-11-30T14:59:59Z", "2026-10-31T15:00:00Z")]  // still Nov 30 23:59:59 JST
    [InlineData("2026-11-15T03:00:00Z", "2026-10-31T15:00:00Z")]
    [InlineData("2026-12-31T15:00:00Z", "2026-12-31T15:00:00Z")]  // Jan 1 2027 JST
    [InlineData("2027-01-01T00:00:00Z", "2026-12-31T15:00:00Z")]
    [InlineData("2028-02-29T23:00:00Z", "2028-02-29T15:00:00Z")]  // Mar 1 08:00 JST
    public void StartOfMonth_is_the_first_instant_of_the_Japan_month(string instant, string expected)
    {
        var result = JapanTime.StartOfMonth(Utc(instant));
        Assert.Equal(Utc(expected), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
        Assert.Equal(1, JapanTime.ToJst(result).Day);
    }

    [Theory]
    [InlineData("2026-11-28T09:00:00Z", "2026/11/28 18:00")]
    [InlineData("2026-11-30T15:00:00Z", "2026/12/01 00:00")]
    [InlineData("2026-11-30T14:59:59Z", "2026/11/30 23:59")]
    [InlineData("2027-01-05T03:07:00Z", "2027/01/05 12:07")]
    public void Format_shows_Japan_time_in_the_UI_format(string instant, string expected) =>
        Assert.Equal(expected, JapanTime.Format(Utc(instant)));

    [Theory]
    [InlineData("ja-JP")]
    [InlineData("en-US")]
    [InlineData("de-DE")]   // date separator "."
    [InlineData("fi-FI")]   // time separator "."
    [InlineData("th-TH")]   // Buddhist calendar: year 2569
    [InlineData("ar-SA")]   // Hijri calendar, Arabic digits
    [InlineData("ja-JP-u-ca-japanese")]  // Japanese era calendar: year 08
    public void Format_does_not_depend_on_the_current_culture(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            Assert.Equal("2026/11/28 18:00", JapanTime.Format(Utc("2026-11-28T09:00:00Z")));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
