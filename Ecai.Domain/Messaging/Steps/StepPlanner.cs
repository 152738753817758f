using System.Data.Common;
using Ecai.Domain.Data;
using Ecai.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Messaging.Steps;

/// <summary>
/// Turns a bot's new member events into Pending step deliveries, in one statement: the events after the "steps"
/// <see cref="Tags.EventCursor"/> × the enabled scenarios they trigger × those scenarios' steps, one row per
/// (step, member, trigger event id = Occurrence), due at the step's delay after the event (<see cref="StepDelay.Sql"/>).
/// The cursor moves in the same transaction, and the ledger's unique key makes a repeat write nothing: a member enters
/// a scenario once per trigger occurrence. Rules:
/// <list type="bullet">
/// <item>An event enters only the scenarios that were on when it happened (its id is above the scenario's
/// <see cref="StepScenario.EntryAfterEventId"/>): no back-fill of history when a scenario is created or switched on,
/// and a step added later applies to new entries only.</item>
/// <item>A due time already past when planned (the scheduler was down, a backlog of events) is kept: the dispatcher
/// sends it at once. A step is a delay after the trigger, not an appointment that can be missed.</item>
/// <item>A member a cart's first import linked from its history (<see cref="Linking.CartLink.QuietUpToEventId"/>) enters
/// nothing through that import's link and tag events, unless the connection chose 全員に送る.</item>
/// <item>The filter is not looked at here; <see cref="StepDeliveries"/> checks it when the step is due.</item>
/// </list>
/// </summary>
public sealed class StepPlanner(IDbContextFactory<EcaiDb> dbs) : IDeliveryPlanner
{
    public const string Consumer = "steps";

    public async Task<long> PlanAsync(int botId, DateTimeOffset now, CancellationToken ct)
    {
        await using var context = await dbs.CreateDbContextAsync(ct);
        await context.Database.OpenConnectionAsync(ct);
        var db = context.Database.GetDbConnection();
        await using var tx = await db.BeginTransactionAsync(ct);
        (string, object?)[] args = [("@bot", botId), ("@consumer", Consumer), ("@now", now.UtcTicks)];
        // Writing first makes this the write transaction at once (no read-then-upgrade conflict with another writer).
        await SqlBatch.ExecuteAsync(db, tx,
            "INSERT INTO EventCursors (BotId, Consumer, LastEventId) VALUES (@bot, @consumer, 0) ON CONFLICT DO NOTHING", ct, args);
        // No event below the highest id read next may still be committed by another transaction: the cursor moves to it.
        await SqlBatch.LockMemberEventsAsync(db, tx, "@bot", ct, args);
        var from = await SqlBatch.ScalarAsync(db, tx, "SELECT LastEventId FROM EventCursors WHERE BotId = @bot AND Consumer = @consumer", ct, args);
        var to = await SqlBatch.ScalarAsync(db, tx, "SELECT coalesce(max(Id), 0) FROM MemberEvents WHERE BotId = @bot", ct, args);
        if (to <= from) return 0;
        args = [.. args, ("@from", from), ("@to", to)];

        var planned = await SqlBatch.ExecuteAsync(db, tx, $"""
            INSERT INTO Deliveries (BotId, MemberId, Source, SourceId, Occurrence, MessageId, RetryKey, DueAt, State, Attempts, CreatedAt)
            SELECT e.BotId, e.MemberId, {(int)DeliverySource.Step}, st.Id, e.Id, st.MessageId, {context.Dialect.NewUuid},
                   {StepDelay.Sql(context.Dialect, "st", "e.OccurredAt")}, {(int)DeliveryState.Pending}, 0, @now
            FROM MemberEvents e
            CROSS JOIN StepScenarios s
            CROSS JOIN ScenarioSteps st
            WHERE e.BotId = @bot AND e.Id > @from AND e.Id <= @to
              AND s.BotId = e.BotId AND s.Enabled = TRUE AND e.Id > s.EntryAfterEventId
              AND ((s.Trigger = {(int)StepTrigger.FriendAdded} AND e.Kind = {(int)MemberEventKind.FriendAdded})
                OR (s.Trigger = {(int)StepTrigger.TagAdded} AND e.Kind = {(int)MemberEventKind.TagAdded} AND e.TagId = s.TagId))
              AND st.ScenarioId = s.Id
              AND NOT (e.Kind IN ({(int)MemberEventKind.TagAdded}, {(int)MemberEventKind.CartLinked})
                AND EXISTS (SELECT 1 FROM CartLinks q WHERE q.MemberId = e.MemberId AND q.QuietUpToEventId >= e.Id))
            ON CONFLICT DO NOTHING
            """, ct, args);
        await SqlBatch.ExecuteAsync(db, tx,
            "UPDATE EventCursors SET LastEventId = @to WHERE BotId = @bot AND Consumer = @consumer", ct, args);
        await tx.CommitAsync(ct);
        return planned;
    }
}
