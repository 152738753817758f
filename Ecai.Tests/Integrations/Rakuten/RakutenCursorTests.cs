using Ecai.Integrations.Carts.Rakuten;

namespace Ecai.Tests.Integrations.Rakuten;

/// <summary>The window plan and the cursor, as pure functions.</summary>
public sealed class RakutenCursorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);
    private static readonly RakutenOptions Options = new();

    [Fact]
    public void Windows_cover_the_span_without_gaps_or_overlaps_each_at_most_63_days()
    {
        var from = Now.AddDays(-730);

        var windows = RakutenCursor.Windows(from, Now, 63).ToList();

        Assert.Equal(12, windows.Count); // 730 days = 11 × 63 + 37
        Assert.Equal(from, windows[0].Start);
        Assert.Equal(Now, windows[^1].End);
        Assert.All(windows, w => Assert.True(w.End - w.Start < TimeSpan.FromDays(63)));
        for (var i = 1; i < windows.Count; i++) Assert.Equal(windows[i - 1].End.AddSeconds(1), windows[i].Start);
    }

    [Fact]
    public void Floor_is_two_years_before_connecting_raised_to_what_the_api_still_reaches()
    {
        // Connected 400 days ago: 2 years before that is out of the API's reach (730 days, less the margin).
        Assert.Equal(Now.AddDays(-730).AddHours(1), RakutenCursor.Floor(Now.AddDays(-400), Now, Options));
        // Connected today: 2 years back is exactly the API's edge, so the margin keeps the first search valid.
        Assert.Equal(Now.AddDays(-730).AddHours(1), RakutenCursor.Floor(Now, Now, Options));

        // Were the API to reach further back, the seed's rule would bind: never before connecting − 2 years.
        var farReach = new RakutenOptions { MaxHistoryDays = 1_000, HistoryMargin = TimeSpan.Zero };
        var connectedAt = Now.AddDays(-30);
        Assert.Equal(connectedAt.AddYears(-2), RakutenCursor.Floor(connectedAt, Now, farReach));
    }

    [Fact]
    public void Start_without_cursor_is_the_floor()
    {
        var start = RakutenCursor.Start(null, Now, Now, Options, out var unreadable);

        Assert.False(unreadable);
        Assert.Equal(new RakutenPosition(RakutenCursor.Floor(Now, Now, Options), 1, 0), start);
    }

    [Fact]
    public void Start_from_a_walk_cursor_resumes_at_that_page_and_offset()
    {
        var from = Now.AddDays(-200);
        var cursor = RakutenCursor.Walk(new RakutenPosition(from, 3, 40));

        var start = RakutenCursor.Start(cursor, Now.AddDays(-1), Now, Options, out var unreadable);

        Assert.False(unreadable);
        Assert.Equal(new RakutenPosition(from, 3, 40), start);
    }

    [Fact]
    public void Start_from_a_done_cursor_rereads_the_recent_span()
    {
        var lastPull = Now.AddHours(-1);

        var start = RakutenCursor.Start(RakutenCursor.Done(lastPull), Now.AddDays(-90), Now, Options, out _);

        Assert.Equal(new RakutenPosition(Now.AddDays(-Options.RecentDays), 1, 0), start);
    }

    [Fact]
    public void Start_from_an_old_done_cursor_reads_everything_since_then()
    {
        var lastPull = Now.AddDays(-100);

        var start = RakutenCursor.Start(RakutenCursor.Done(lastPull), Now.AddDays(-300), Now, Options, out _);

        Assert.Equal(lastPull, start.From);
    }

    [Theory]
    [InlineData("2026-11-28 10:00:00")]      // an ecforce-style cursor
    [InlineData("walk|garbage|1|0")]
    [InlineData("walk|2026-01-01T00:00:00+0900|0|0")]
    public void Start_from_an_unreadable_cursor_walks_the_history_again(string cursor)
    {
        var start = RakutenCursor.Start(cursor, Now, Now, Options, out var unreadable);

        Assert.True(unreadable);
        Assert.Equal(RakutenCursor.Floor(Now, Now, Options), start.From);
    }

    [Fact]
    public void Start_from_a_walk_cursor_older_than_the_api_reaches_starts_at_the_floor()
    {
        var cursor = RakutenCursor.Walk(new RakutenPosition(Now.AddDays(-800), 2, 10));

        var start = RakutenCursor.Start(cursor, Now.AddDays(-900), Now, Options, out _);

        Assert.Equal(new RakutenPosition(RakutenCursor.Floor(Now.AddDays(-900), Now, Options), 1, 0), start);
    }

    [Fact]
    public void Cursor_times_are_rms_wire_text()
    {
        Assert.Equal("done|2026-11-28T12:00:00+0900", RakutenCursor.Done(Now));
        Assert.Equal("walk|2026-11-28T12:00:00+0900|2|40", RakutenCursor.Walk(new RakutenPosition(Now, 2, 40)));
    }
}
