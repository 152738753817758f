using System.Data.Common;
using Ecai.Domain.Data;
using Ecai.Domain.Members;
using Ecai.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Messaging.Follow;

/// <summary>
/// Plans 引上フォローメッセージ: the shipped, not cancelled orders of a trigger product (and the Nth delivery when set) whose
/// send times may still come, i.e. shipped on or after the JST day max(DaysAfter) + 1 days ago (a bounded range of the
/// orders' (ConnectionId, ShippedAt, …) covering index); for each (order, linked member) the one follow message with the
/// best priority whose target the member matches; then one delivery per scenario, due "JST date of the shipping date +
/// DaysAfter days at AtTime", written with ON CONFLICT DO NOTHING so a send is planned once per (order, scenario) however often
/// this runs. A time that had already passed when first planned is written Skipped(TimePassed).
/// Reading the lines of every window order each minute would dominate the scan, so each order's trigger products are
/// memoised once (<see cref="FollowOrderScan"/>); links, targets, Times and cancellation are still checked on every run.
/// The temp tables are scratch for one run (emptied first, created when missing: a pooled PostgreSQL connection is reset);
/// the memo is the FollowOrderScans table.
/// </summary>
public sealed class FollowPlanner(IDbContextFactory<EcaiDb> dbs) : IDeliveryPlanner
{
    /// <summary>
    /// A send time this little in the past still goes out: the planner runs once a minute, so an order imported just
    /// before a send time is planned just after it. Older times count as passed (発送日の登録が遅れた).
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    private const long Day = TimeSpan.TicksPerDay;
    private static readonly long Jst = JapanTime.Offset.Ticks;

    /// <summary>The UTC instant a scenario is due for an order shipped at <paramref name="shippedAt"/> (the same rule as the SQL below).</summary>
    public static DateTimeOffset DueAt(DateTimeOffset shippedAt, int daysAfter, TimeOnly at) => JapanTime.DaysAfterAt(shippedAt, daysAfter, at);

    /// <summary>The SQL of <see cref="DueAt"/> over UTC ticks: JST day of the shipping date + days, at minutes after JST midnight
    /// (minutes times a bigint: PostgreSQL's integer is 32-bit).</summary>
    internal static string DueSql(string shippedAt, string daysAfter, string atMinutes) =>
        $"((({shippedAt}) + {Jst}) / {Day} + ({daysAfter})) * {Day} + ({atMinutes}) * CAST({TimeSpan.TicksPerMinute} AS BIGINT) - {Jst}";

    public async Task<long> PlanAsync(int botId, DateTimeOffset now, CancellationToken ct)
    {
        await using var context = await dbs.CreateDbContextAsync(ct);
        var shipping = await context.CartConnections.Where(k => k.BotId == botId).Select(k => new { k.Id, k.Kind }).ToListAsync(ct);
        var connections = shipping.Where(k => FollowMessage.ShippingCarts.Contains(k.Kind)).Select(k => k.Id).ToHashSet();
        var messages = (await context.Set<FollowMessage>().AsNoTracking().Include(f => f.Scenarios)
                .Where(f => f.BotId == botId && f.Enabled).ToListAsync(ct))
            .Where(f => f.Scenarios.Count > 0 && f.ConnectionId is { } c && connections.Contains(c)).ToList();
        if (messages.Count == 0) return 0;

        await context.Database.OpenConnectionAsync(ct);
        var db = context.Database.GetDbConnection();
        var dialect = context.Dialect;
        await using var tx = await db.BeginTransactionAsync(ct);
        await SqlBatch.ExecuteAsync(db, tx, """
            CREATE TEMP TABLE IF NOT EXISTS FollowOrders (OrderId BIGINT NOT NULL, ProductCode TEXT NOT NULL, ConnectionId INTEGER NOT NULL,
                Times INTEGER, ShippedAt BIGINT NOT NULL, CustomerExternalId TEXT NOT NULL, PRIMARY KEY (ProductCode, OrderId));
            CREATE TEMP TABLE IF NOT EXISTS FollowHits (OrderId BIGINT NOT NULL, MemberId BIGINT NOT NULL, ShippedAt BIGINT NOT NULL,
                FollowId INTEGER NOT NULL, Priority INTEGER NOT NULL);
            DELETE FROM FollowOrders;
            DELETE FROM FollowHits;
            """, ct);

        // The memo of order lines is for one set of trigger products; a different set reads the window afresh.
        var triggers = string.Join(";", messages.Select(f => $"{f.ConnectionId}:{f.ProductCode}").Distinct().Order(StringComparer.Ordinal));
        var stamp = await SqlBatch.ExecuteAsync(db, tx,
            "UPDATE FollowScanStates SET Triggers = @triggers WHERE BotId = @bot AND Triggers <> @triggers", ct, ("@bot", botId), ("@triggers", triggers));
        var fresh = await SqlBatch.ExecuteAsync(db, tx,
            "INSERT INTO FollowScanStates (BotId, Triggers) VALUES (@bot, @triggers) ON CONFLICT DO NOTHING", ct, ("@bot", botId), ("@triggers", triggers));
        if (stamp + fresh > 0)
            await SqlBatch.ExecuteAsync(db, tx, "DELETE FROM FollowOrderScans WHERE ConnectionId IN (SELECT Id FROM CartConnections WHERE BotId = @bot)", ct, ("@bot", botId));

        var today = DateOnly.FromDateTime(JapanTime.ToJst(now).DateTime);
        foreach (var group in messages.GroupBy(f => f.ConnectionId))
        {
            // The window: a range of the orders' covering (ConnectionId, ShippedAt, …) index. Only orders not read before (or
            // whose shipping date changed) have their lines read; the memo then names the orders holding a trigger product.
            var from = JapanTime.At(today.AddDays(-group.Max(f => f.Scenarios.Max(s => s.DaysAfter)) - 1), TimeOnly.MinValue);
            var products = group.Select(f => f.ProductCode).Distinct().ToList();
            (string, object?)[] args = [("@connection", group.Key), ("@from", from.UtcTicks), .. products.Select((p, i) => ($"@p{i}", (object?)p))];
            var codes = string.Join(", ", products.Select((_, i) => $"@p{i}"));
            await SqlBatch.ExecuteAsync(db, tx, $"""
                DELETE FROM FollowOrderScans WHERE ConnectionId = @connection AND ShippedAt < @from;
                CREATE TEMP TABLE IF NOT EXISTS FollowWindow (OrderId {dialect.IdKey}, ConnectionId INTEGER NOT NULL, ExternalId TEXT NOT NULL,
                    ShippedAt BIGINT NOT NULL);
                DELETE FROM FollowWindow;
                INSERT INTO FollowWindow (OrderId, ConnectionId, ExternalId, ShippedAt)
                SELECT o.Id, o.ConnectionId, o.ExternalId, o.ShippedAt
                FROM CartOrders o{dialect.Pick(sqlite: " INDEXED BY IX_CartOrders_ConnectionId_ShippedAt_Cancelled_Times_ExternalId_CustomerExternalId", postgres: "")}
                WHERE o.ConnectionId = @connection AND o.ShippedAt >= @from AND o.Cancelled = FALSE
                  AND NOT EXISTS (SELECT 1 FROM FollowOrderScans s WHERE s.OrderId = o.Id AND s.ShippedAt = o.ShippedAt);
                INSERT INTO FollowOrderScans (OrderId, ConnectionId, ShippedAt, Products)
                SELECT w.OrderId, w.ConnectionId, w.ShippedAt, {dialect.Pick(
                    sqlite: $"""
                        (SELECT group_concat(DISTINCT i.ProductCode) FROM CartOrderItems i INDEXED BY sqlite_autoindex_CartOrderItems_1
                                WHERE i.ConnectionId = w.ConnectionId AND i.OrderExternalId = w.ExternalId
                                  AND +i.ProductCode IN ({codes}))
                        """,
                    postgres: $"""
                        (SELECT string_agg(DISTINCT i.ProductCode, ',') FROM CartOrderItems i
                                WHERE i.ConnectionId = w.ConnectionId AND i.OrderExternalId = w.ExternalId
                                  AND i.ProductCode IN ({codes}))
                        """)}
                FROM FollowWindow w WHERE TRUE
                ON CONFLICT (OrderId) DO UPDATE SET ConnectionId = excluded.ConnectionId, ShippedAt = excluded.ShippedAt, Products = excluded.Products;
                INSERT INTO FollowOrders (OrderId, ProductCode, ConnectionId, Times, ShippedAt, CustomerExternalId)
                SELECT o.Id, p.ProductCode, o.ConnectionId, o.Times, o.ShippedAt, o.CustomerExternalId
                FROM FollowOrderScans s
                CROSS JOIN CartOrders o
                CROSS JOIN (SELECT @p0 AS ProductCode{string.Concat(products.Skip(1).Select((_, i) => $" UNION ALL SELECT @p{i + 1}"))}) p
                WHERE o.Id = s.OrderId
                  AND s.ConnectionId = @connection AND s.Products >= '' AND o.Cancelled = FALSE AND o.ShippedAt = s.ShippedAt
                  AND {dialect.Pick(sqlite: "instr", postgres: "strpos")}(',' || s.Products || ',', ',' || p.ProductCode || ',') > 0
                ON CONFLICT DO NOTHING;
                """, ct, args);
        }

        // Which follow message fits each (order, linked member): every matching one, its priority noted.
        foreach (var message in messages)
        {
            var filter = message.FilterJson is null ? MemberFilter.All : MemberFilter.Parse(message.FilterJson);
            var (where, filterArgs) = MemberFilterSql.Compile(SqlDialect.Of(db), botId, filter);
            await SqlBatch.ExecuteAsync(db, tx, $"""
                INSERT INTO FollowHits (OrderId, MemberId, ShippedAt, FollowId, Priority)
                SELECT DISTINCT x.OrderId, m.Id, x.ShippedAt, @follow, @priority
                FROM FollowOrders x
                CROSS JOIN CartLinks l
                CROSS JOIN Members m
                WHERE l.ConnectionId = x.ConnectionId AND l.CustomerExternalId = x.CustomerExternalId
                  AND m.Id = {dialect.Pick(sqlite: "+", postgres: "")}l.MemberId -- SQLite's "+": a target's member list is probed, never looped over per order
                  AND x.ProductCode = @product AND x.ConnectionId = @connection{(message.Times is null ? "" : " AND x.Times = @times")}
                  AND ({where})
                """, ct, [.. filterArgs, ("@follow", message.Id), ("@priority", message.Priority), ("@product", message.ProductCode),
                    ("@connection", message.ConnectionId), ("@times", message.Times)]);
        }

        // One follow message per (order, member): the one already planned for it if any (so a later change of priorities or
        // targets never adds a second message's scenarios), else the best priority. Then one delivery per scenario.
        var plus = dialect.Pick(sqlite: "+", postgres: "");
        var written = await SqlBatch.ExecuteAsync(db, tx, $"""
            INSERT INTO Deliveries (BotId, MemberId, Source, SourceId, Occurrence, MessageId, RetryKey, DueAt, State, SkipReason, Attempts, CreatedAt)
            SELECT @bot, p.MemberId, {(int)DeliverySource.Follow}, s.Id, p.OrderId, s.MessageId, {dialect.NewUuid}, p.Due,
                   CASE WHEN p.Due < @cutoff THEN {(int)DeliveryState.Skipped} ELSE {(int)DeliveryState.Pending} END,
                   CASE WHEN p.Due < @cutoff THEN {(int)DeliverySkipReason.TimePassed} END, 0, @now
            FROM (SELECT h.OrderId, h.MemberId, h.FollowId, s.Id AS ScenarioId, {DueSql("h.ShippedAt", "s.DaysAfter", "s.AtTime")} AS Due
                  FROM (SELECT h.*, row_number() OVER (PARTITION BY h.OrderId, h.MemberId ORDER BY h.Priority, h.FollowId) AS Rank,
                               (SELECT f.FollowMessageId FROM Deliveries d JOIN FollowScenarios f ON f.Id = d.SourceId
                                WHERE d.MemberId = h.MemberId AND {plus}d.Source = {(int)DeliverySource.Follow} AND {plus}d.Occurrence = h.OrderId LIMIT 1) AS Planned
                        FROM FollowHits h) h
                  JOIN FollowScenarios s ON s.FollowMessageId = h.FollowId
                  WHERE (h.Planned IS NULL AND h.Rank = 1) OR h.Planned = h.FollowId) p
            JOIN FollowScenarios s ON s.Id = p.ScenarioId
            WHERE TRUE
            ON CONFLICT DO NOTHING
            """, ct, ("@bot", botId), ("@now", now.UtcTicks), ("@cutoff", (now - Grace).UtcTicks));
        await tx.CommitAsync(ct);
        return written;
    }
}
