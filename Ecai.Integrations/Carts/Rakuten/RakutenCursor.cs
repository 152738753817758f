namespace Ecai.Integrations.Carts.Rakuten;

/// <summary>Where a walk over 注文日 windows stands: the window starting at <see cref="From"/>, its search
/// page <see cref="Page"/>, of which the first <see cref="Done"/> order numbers are committed.</summary>
internal readonly record struct RakutenPosition(DateTimeOffset From, int Page, int Done);

/// <summary>
/// The opaque order cursor, and the plan of searchOrder windows it implies.
/// <para>
/// A pull walks 注文日 (dateType 1) forward from a start to the pull's "now" in windows of
/// <see cref="RakutenOptions.WindowDays"/>; windows are the unit of progress. The cursor is either
/// <c>walk|&lt;window start&gt;|&lt;page&gt;|&lt;done&gt;</c> (a walk in progress: a crashed pull resumes at that
/// page of that window, skipping the numbers already committed), or <c>done|&lt;until&gt;</c> (every order
/// placed before "until" has been read once). Times are RMS wire text ("2026-11-28T18:00:00+0900").
/// </para>
/// <para>
/// Start of a walk: no cursor → the history floor (2 years before the connection date, and never older
/// than the API accepts: <see cref="RakutenOptions.MaxHistoryDays"/> before now, less a margin). A done
/// cursor → the older of "until" and now − <see cref="RakutenOptions.RecentDays"/>: RMS has no "updated
/// since" search, so later pulls re-read the recent span by 注文日 to pick up shipping dates,
/// cancellations and status changes (the writer upserts, so re-reading is harmless).
/// An unreadable cursor starts from the floor again.
/// </para>
/// </summary>
internal static class RakutenCursor
{
    private const char Separator = '|';

    public static string Walk(RakutenPosition p) => $"walk|{RakutenTime.ToWire(p.From)}|{p.Page}|{p.Done}";

    public static string Done(DateTimeOffset until) => $"done|{RakutenTime.ToWire(until)}";

    /// <summary>The oldest 注文日 ECAI asks for: 2 years before connecting (seed), within the API's reach.</summary>
    public static DateTimeOffset Floor(DateTimeOffset connectedAt, DateTimeOffset now, RakutenOptions options)
    {
        var bySeed = connectedAt.AddYears(-2);
        var byApi = now.AddDays(-options.MaxHistoryDays) + options.HistoryMargin;
        return RakutenTime.TruncateToSecond(bySeed > byApi ? bySeed : byApi);
    }

    /// <summary>Where this pull starts; <paramref name="unreadable"/> when a cursor was given but not understood.</summary>
    public static RakutenPosition Start(string? cursor, DateTimeOffset connectedAt, DateTimeOffset now, RakutenOptions options, out bool unreadable)
    {
        unreadable = false;
        var floor = Floor(connectedAt, now, options);
        if (cursor is null) return new RakutenPosition(floor, 1, 0);
        var parts = cursor.Split(Separator);
        if (parts is ["walk", var from, var page, var done] && RakutenTime.TryParse(from, out var f)
            && int.TryParse(page, out var p) && p >= 1 && int.TryParse(done, out var d) && d >= 0)
            return f < floor ? new RakutenPosition(floor, 1, 0) : new RakutenPosition(f, p, d);
        if (parts is ["done", var until] && RakutenTime.TryParse(until, out var u))
        {
            var recent = RakutenTime.TruncateToSecond(now.AddDays(-options.RecentDays));
            var start = u < recent ? u : recent;
            return new RakutenPosition(start < floor ? floor : start, 1, 0);
        }
        unreadable = true;
        return new RakutenPosition(floor, 1, 0);
    }

    /// <summary>
    /// The windows from <paramref name="from"/> up to and including <paramref name="now"/>: each [Start, End]
    /// with End inclusive (one second before the next start; the last ends at now), at most
    /// <paramref name="windowDays"/> long.
    /// </summary>
    public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Windows(DateTimeOffset from, DateTimeOffset now, int windowDays)
    {
        for (var start = from; start <= now; start = start.AddDays(windowDays))
        {
            var next = start.AddDays(windowDays);
            yield return (start, next <= now ? next.AddSeconds(-1) : now);
        }
    }
}
