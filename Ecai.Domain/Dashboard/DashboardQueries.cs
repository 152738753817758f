using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Ecai.Domain.Jobs;
using Ecai.Domain.Time;
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
    DateTimeOffset? LastPulledAt, int LinkedMembers, string? LastError = null);

/// <summary>A cart credential that expires soon (Rakuten's licenseKey): <see cref="DaysLeft"/> &lt; 0 once expired.</summary>
public sealed record LicenseWarning(int ConnectionId, CartKind Kind, DateOnly ExpiresOn, int DaysLeft);

/// <summary>
/// One JST month: members who became friends in it, and how many of those are linked now
/// (the seed's "monthly links"). <see cref="Month"/> is the first day of the month in JST.
/// </summary>
public sealed record MonthlyLinks(DateOnly Month, int NewFriends, int Linked);

/// <summary>
/// Read side of the home dashboard and the job list. The counts come from counter rows that triggers keep exact
/// (<see cref="FriendMonthCount"/>, <see cref="ConnectionLinkCount"/>), so a reload reads a few dozen rows at a
/// million members.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<EcaiDb> dbs, TimeProvider clock)
{
    public const int MonthsShown = 12;

    public async Task<DashboardSnapshot> SnapshotAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);

        // Friends and linked friends per JST month are kept by triggers (FriendMonthCount): the totals are their sums.
        var totals = await db.FriendMonthCounts.Where(c => c.BotId == botId)
            .GroupBy(c => c.BotId)
            .Select(g => new { Friends = g.Sum(c => c.Friends), Linked = g.Sum(c => c.Linked) })
            .SingleOrDefaultAsync(ct);

        var connections = await db.CartConnections.Where(c => c.BotId == botId).OrderBy(c => c.Kind)
            .Select(c => new { c.Id, c.Kind, c.CartDomain, c.State, c.LastPulledAt, c.LicenseExpiresOn, c.LastError })
            .AsNoTracking().ToListAsync(ct);
        var perConnection = await db.ConnectionLinkCounts.Where(c => c.BotId == botId)
            .ToDictionaryAsync(c => c.ConnectionId, c => c.Members, ct);
        var perCart = connections.Select(c => new CartLinkCount(
                c.Id, c.Kind, CartNames.Of(c.Kind), c.CartDomain, c.State, c.LastPulledAt,
                perConnection.GetValueOrDefault(c.Id), c.LastError))
            .ToList();

        var today = JapanTime.Today(clock);
        var licenses = connections
            .Where(c => c.LicenseExpiresOn is { } day && day.DayNumber - today.DayNumber <= CartConnections.LicenseWarningDays)
            .Select(c => new LicenseWarning(c.Id, c.Kind, c.LicenseExpiresOn!.Value, c.LicenseExpiresOn.Value.DayNumber - today.DayNumber))
            .ToList();

        return new DashboardSnapshot(totals?.Friends ?? 0, totals?.Linked ?? 0, perCart, await MonthsAsync(db, botId, ct), licenses);
    }

    /// <summary>The newest job runs of the bot for the job list, newest first.</summary>
    public async Task<IReadOnlyList<JobRun>> RecentJobsAsync(int botId, int take, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.JobRuns.Where(r => r.BotId == botId).OrderByDescending(r => r.Id).Take(take)
            .AsNoTracking().ToListAsync(ct);
    }

    /// <summary>The last <see cref="MonthsShown"/> JST months (first days), oldest first.</summary>
    internal static IReadOnlyList<DateOnly> Months(DateTimeOffset now)
    {
        var jst = JapanTime.ToJst(now);
        var first = new DateOnly(jst.Year, jst.Month, 1).AddMonths(-(MonthsShown - 1));
        return Enumerable.Range(0, MonthsShown).Select(first.AddMonths).ToList();
    }

    /// <summary>Only the monthly link counts (会員リスト shows them without the rest of the snapshot).</summary>
    public async Task<IReadOnlyList<MonthlyLinks>> MonthsAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await MonthsAsync(db, botId, ct);
    }

    private async Task<IReadOnlyList<MonthlyLinks>> MonthsAsync(EcaiDb db, int botId, CancellationToken ct)
    {
        var months = Months(clock.GetUtcNow());
        static int Key(DateOnly month) => month.Year * 100 + month.Month;
        var (from, to) = (Key(months[0]), Key(months[^1]));
        var counts = await db.FriendMonthCounts.Where(c => c.BotId == botId && c.Month >= from && c.Month <= to)
            .AsNoTracking().ToDictionaryAsync(c => c.Month, ct);
        return months
            .Select(m => counts.TryGetValue(Key(m), out var c) ? new MonthlyLinks(m, c.Friends, c.Linked) : new MonthlyLinks(m, 0, 0))
            .ToList();
    }
}
