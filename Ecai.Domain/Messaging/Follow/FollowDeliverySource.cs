using System.Data.Common;
using System.Globalization;
using Ecai.Domain.Data;
using Ecai.Domain.Members;
using Ecai.Domain.Tags;

namespace Ecai.Domain.Messaging.Follow;

/// <summary>
/// What the dispatcher asks of 引上フォローメッセージ. Before a push: due rows whose follow message was switched off (or
/// whose scenario was deleted) are Skipped(Stopped), and those whose order was cancelled in the cart since planning are
/// Skipped(OrderCancelled). After LINE accepted them: each scenario's actions (tags, points, rich menu) are applied once
/// per delivery, recorded in FollowActions in the same transaction, so a retried batch applies nothing twice. The rich menu itself is linked over HTTP afterwards by <see cref="FollowRichMenus"/>.
/// </summary>
public sealed class FollowDeliverySource : IDeliverySource
{
    public DeliverySource Source => DeliverySource.Follow;

    public Task BeforeSendAsync(DbConnection db, DbTransaction tx, string dueTable, DateTimeOffset now, CancellationToken ct)
    {
        // SQLite's "+" keeps the planner on the due ids (the rowid list), off the (Source, …) indexes.
        var plus = SqlDialect.Of(db).Pick(sqlite: "+", postgres: "");
        return SqlBatch.ExecuteAsync(db, tx, $"""
            UPDATE Deliveries SET State = {(int)DeliveryState.Skipped}, SkipReason = {(int)DeliverySkipReason.Stopped}
            WHERE Id IN (SELECT Id FROM {dueTable}) AND {plus}Source = {(int)DeliverySource.Follow} AND {plus}State = {(int)DeliveryState.Pending}
              AND NOT EXISTS (SELECT 1 FROM FollowScenarios s JOIN FollowMessages f ON f.Id = s.FollowMessageId
                              WHERE s.Id = Deliveries.SourceId AND f.Enabled = TRUE);
            -- The order (the occurrence) was cancelled in the cart after the send was planned: no follow-up for it.
            UPDATE Deliveries SET State = {(int)DeliveryState.Skipped}, SkipReason = {(int)DeliverySkipReason.OrderCancelled}
            WHERE Id IN (SELECT Id FROM {dueTable}) AND {plus}Source = {(int)DeliverySource.Follow} AND {plus}State = {(int)DeliveryState.Pending}
              AND EXISTS (SELECT 1 FROM CartOrders o WHERE o.Id = Deliveries.Occurrence AND o.Cancelled = TRUE);
            """, ct);
    }

    public async Task AfterSentAsync(DbConnection db, DbTransaction tx, string sentTable, DateTimeOffset now, CancellationToken ct)
    {
        // The sent follow deliveries with actions that were not applied yet (a retried batch finds them recorded).
        var dialect = SqlDialect.Of(db);
        await SqlBatch.ExecuteAsync(db, tx, $"""
            CREATE TEMP TABLE IF NOT EXISTS FollowFresh (DeliveryId {dialect.IdKey}, MemberId BIGINT NOT NULL, AddTagId INTEGER,
                RemoveTagId INTEGER, Points INTEGER NOT NULL);
            DELETE FROM FollowFresh;
            INSERT INTO FollowFresh (DeliveryId, MemberId, AddTagId, RemoveTagId, Points)
            SELECT d.Id, d.MemberId, s.AddTagId, s.RemoveTagId, s.Points
            FROM {sentTable} t
            JOIN Deliveries d ON d.Id = t.Id
            JOIN FollowScenarios s ON s.Id = d.SourceId
            WHERE d.Source = {(int)DeliverySource.Follow}
              AND (s.AddTagId IS NOT NULL OR s.RemoveTagId IS NOT NULL OR s.Points <> 0 OR s.RichMenuId IS NOT NULL)
              AND NOT EXISTS (SELECT 1 FROM FollowActions a WHERE a.DeliveryId = d.Id);
            INSERT INTO FollowActions (DeliveryId, BotId, MemberId, ScenarioId, AppliedAt, RichMenuId, RichMenuAttempts)
            SELECT d.Id, d.BotId, d.MemberId, d.SourceId, @now, s.RichMenuId, 0
            FROM FollowFresh f JOIN Deliveries d ON d.Id = f.DeliveryId JOIN FollowScenarios s ON s.Id = d.SourceId;
            """, ct, ("@now", now.UtcTicks));

        var tags = new List<(long Tag, bool Add)>();
        await using (var read = db.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = """
                SELECT DISTINCT AddTagId, 1 FROM FollowFresh WHERE AddTagId IS NOT NULL
                UNION SELECT DISTINCT RemoveTagId, 0 FROM FollowFresh WHERE RemoveTagId IS NOT NULL
                """;
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) tags.Add((Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture) == 1));
        }
        // Tags set-wise per tag, events first (cause Message): additions before removals, as the scenarios list them.
        foreach (var (tag, add) in tags.OrderByDescending(t => t.Add))
            await TagChanges.ApplyAsync(db, tx, $"m.Id IN (SELECT f.MemberId FROM FollowFresh f WHERE f.{(add ? "AddTagId" : "RemoveTagId")} = @tag)",
                add, TagCause.Message, [("@tag", tag), ("@now", now.UtcTicks)], ct);

        // Points: every member's sum of this batch, never below zero.
        await SqlBatch.ExecuteAsync(db, tx, $"""
            UPDATE Members SET Version = Version + 1,
                Points = {dialect.Pick(sqlite: "max", postgres: "greatest")}(0, Points + (SELECT sum(f.Points) FROM FollowFresh f WHERE f.MemberId = Members.Id))
            WHERE Id IN (SELECT MemberId FROM FollowFresh WHERE Points <> 0)
            """, ct);
    }
}
