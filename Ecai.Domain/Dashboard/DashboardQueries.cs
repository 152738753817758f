using System.Linq.Expressions;
using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Ecai.Domain.Jobs;
using Ecai.Domain.Members;
using Ecai.Domain.Time;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Dashboard;

/// <summary>What the home dashboard shows for one bot at one moment.</summary>
public sealed record DashboardSnapshot(
    int TotalFriends,
    int LinkedFriends,
    IReadOnlyList<CartLinkCount> PerCart,
    IReadOnlyList<MonthlyLinks> Months,
    IReadOnlyList<LicenseWarning>? LicenseWarnings = null)
{
    public IReadOnlyList<LicenseWarning> Licenses => LicenseWarnings ?? [];

    /// <summary>Linked friends as a percentage of all friends (0 when there are none).</summary>
    public double LinkedShare => TotalFriends == 0 ? 0 : LinkedFriends * 100.0 / TotalFriends;
}

/// <summary>One connection of the bot: its state and how many distinct members are linked through it.</summary>
public sealed record CartLinkCount(
    int ConnectionId, CartKind Kind, string CartName, string CartDomain, ConnectionState State,
    DateTimeOffset? LastPulledAt, int LinkedMembers);

/// <summary>A cart credential that expires soon (Rakuten's licenseKey): <see cref="DaysLeft"/> &lt; 0 once expired.</summary>
public sealed record LicenseWarning(int ConnectionId, CartKind Kind, DateOnly ExpiresOn, int DaysLeft);

/// <summary>
/// One JST month: members who became friends in it, and how many of those are linked now
/// (the seed's "monthly links"). <see cref="Month"/> is the first day of the month in JST.
/// </summary>
public sealed record MonthlyLinks(DateOnly Month, int NewFriends, int Linked);

/// <summary>
/// Read side of the home dashboard and the job list. Every figure is a set-wise SQL aggregate over
/// indexed columns (Members(BotId, FriendAddedAt), CartLinks(BotId, ConnectionId, MemberId),
/// CartLinks(BotId, MemberId)), so a reload stays cheap at a million members.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<EcaiDb> dbs, TimeProvider clock)
{
    public const int MonthsShown = 12;

    public async Task<DashboardSnapshot> SnapshotAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);

        var total = await db.Members.CountAsync(m => m.BotId == botId, ct);

        var connections = await db.CartConnections.Where(c => c.BotId == botId).OrderBy(c => c.Kind)
            .Select(c => new { c.Id, c.Kind, c.CartDomain, c.State, c.LastPulledAt, c.LicenseExpiresOn })
            .AsNoTracking().ToListAsync(ct);
        var perConnection = await db.CartLinks.Where(l => l.BotId == botId)
            .GroupBy(l => l.ConnectionId)
            .Select(g => new { ConnectionId = g.Key, Members = g.Select(l => l.MemberId).Distinct().Count() })
            .ToDictionaryAsync(x => x.ConnectionId, x => x.Members, ct);
        // Distinct across connections: a member linked to two carts is one linked friend (index BotId, MemberId).
        var linked = await db.CartLinks.Where(l => l.BotId == botId).Select(l => l.MemberId).Distinct().CountAsync(ct);
        var perCart = connections.Select(c => new CartLinkCount(
                c.Id, c.Kind, CartNames.Of(c.Kind), c.CartDomain, c.State, c.LastPulledAt,
                perConnection.GetValueOrDefault(c.Id)))
            .ToList();

        var today = JapanTime.Today(clock);
        var licenses = connections
            .Where(c => c.LicenseExpiresOn is { } day && day.DayNumber - today.DayNumber <= CartConnections.LicenseWarningDays)
            .Select(c => new LicenseWarning(c.Id, c.Kind, c.LicenseExpiresOn!.Value, c.LicenseExpiresOn.Value.DayNumber - today.DayNumber))
            .ToList();

        return new DashboardSnapshot(total, linked, perCart, await MonthsAsync(db, botId, ct), licenses);
    }

    /// <summary>The newest job runs of the bot for the job list, newest first.</summary>
    public async Task<IReadOnlyList<JobRun>> RecentJobsAsync(int botId, int take, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.JobRuns.Where(r => r.BotId == botId).OrderByDescending(r => r.Id).Take(take)
            .AsNoTracking().ToListAsync(ct);
    }

    /// <summary>First instants (UTC) of the last <see cref="MonthsShown"/> JST months, oldest first, plus the next month's start.</summary>
    internal static IReadOnlyList<DateTimeOffset> MonthStarts(DateTimeOffset now)
    {
        var jst = JapanTime.ToJst(now);
        var first = new DateOnly(jst.Year, jst.Month, 1).AddMonths(-(MonthsShown - 1));
        return Enumerable.Range(0, MonthsShown + 1)
            .Select(i => JapanTime.At(first.AddMonths(i), TimeOnly.MinValue))
            .ToList();
    }

    /// <summary>Only the monthly link counts (会員リスト shows them without the rest of the snapshot).</summary>
    public async Task<IReadOnlyList<MonthlyLinks>> MonthsAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await MonthsAsync(db, botId, ct);
    }

    private async Task<IReadOnlyList<MonthlyLinks>> MonthsAsync(EcaiDb db, int botId, CancellationToken ct)
    {
        var starts = MonthStarts(clock.GetUtcNow());
        var (from, to) = (starts[0], starts[^1]);
        var bucket = MonthBucket(starts);
        var inWindow = db.Members.Where(m => m.BotId == botId && m.FriendAddedAt >= from && m.FriendAddedAt < to);

        // Two grouped counts over the (BotId, FriendAddedAt) index range; the bucket is a CASE in SQL.
        var friends = await inWindow.GroupBy(bucket).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        // Linked ones are read from the links' (BotId, MemberId) index, in member order, with one rowid lookup each
        // (not a link probe per friend in date order, which thrashes the cache at a million members).
        var cases = string.Join(" ", Enumerable.Range(0, MonthsShown - 1).Select(i => $"WHEN m.FriendAddedAt < $s{i + 1} THEN {i}"));
        var linkedSql = $"""
            SELECT CASE {cases} ELSE {MonthsShown - 1} END AS Bucket, count(*) AS Count
            FROM (SELECT DISTINCT l.MemberId FROM CartLinks l WHERE l.BotId = $bot) x
            CROSS JOIN Members m ON m.Id = x.MemberId
            WHERE m.BotId = $bot AND m.FriendAddedAt >= $s0 AND m.FriendAddedAt < $s{MonthsShown}
            GROUP BY Bucket
            """;
        object[] parameters = [new SqliteParameter("$bot", botId), .. starts.Select((s, i) => new SqliteParameter($"$s{i}", s.UtcTicks))];
        var linked = (await db.Database.SqlQueryRaw<BucketCount>(linkedSql, parameters).ToListAsync(ct))
            .ToDictionary(x => x.Bucket, x => x.Count);

        return Enumerable.Range(0, MonthsShown)
            .Select(i => new MonthlyLinks(
                DateOnly.FromDateTime(JapanTime.ToJst(starts[i]).DateTime),
                friends.GetValueOrDefault(i), linked.GetValueOrDefault(i)))
            .ToList();
    }

    /// <summary>m => m.FriendAddedAt &lt; starts[1] ? 0 : m.FriendAddedAt &lt; starts[2] ? 1 : … : 11.</summary>
    private static Expression<Func<Member, int>> MonthBucket(IReadOnlyList<DateTimeOffset> starts)
    {
        var m = Expression.Parameter(typeof(Member), "m");
        var added = Expression.Property(m, nameof(Member.FriendAddedAt));
        Expression body = Expression.Constant(MonthsShown - 1);
        for (var i = MonthsShown - 2; i >= 0; i--)
        {
            // Captured through a closure so EF sends the instants as parameters through the value converter.
            var boundary = new Boundary(starts[i + 1]);
            var value = Expression.Property(Expression.Constant(boundary), nameof(Boundary.Value));
            body = Expression.Condition(Expression.LessThan(added, value), Expression.Constant(i), body);
        }
        return Expression.Lambda<Func<Member, int>>(body, m);
    }

    private sealed record Boundary(DateTimeOffset Value);

    private sealed record BucketCount(int Bucket, int Count);
}
