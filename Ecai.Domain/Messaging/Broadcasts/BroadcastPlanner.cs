using System.Data.Common;
using Ecai.Domain.Data;
using Ecai.Domain.Members;
using Ecai.Domain.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Messaging.Broadcasts;

/// <summary>
/// Writes a due broadcast's deliveries: one INSERT … SELECT over the compiled filter (Source Broadcast, Occurrence 0,
/// DueAt = its time), blocked members as Skipped(Blocked) so they are counted, idempotent by the ledger's unique key.
/// Content without {name} goes as multicasts: every 500 sendable members share one retry key (the dispatcher sends a key's
/// rows as one request); with {name} each member has their own key (a push each). Also closes finished broadcasts (Done).
/// </summary>
public sealed class BroadcastPlanner(IDbContextFactory<EcaiDb> dbs, ILiveEvents live) : IDeliveryPlanner
{
    public async Task<long> PlanAsync(int botId, DateTimeOffset now, CancellationToken ct)
    {
        await using var context = await dbs.CreateDbContextAsync(ct);
        var due = await context.Broadcasts.Where(b => b.BotId == botId && b.State == BroadcastState.Scheduled && b.ScheduledAt <= now)
            .OrderBy(b => b.ScheduledAt).Select(b => new { b.Id, b.MessageId, b.FilterJson, b.ScheduledAt }).ToListAsync(ct);
        await context.Database.OpenConnectionAsync(ct);
        var db = context.Database.GetDbConnection();
        long written = 0;
        foreach (var b in due)
        {
            var content = MessageContent.Parse(await context.StoredMessages.Where(m => m.Id == b.MessageId).Select(m => m.ContentJson).SingleAsync(ct));
            var perMember = content.Bubbles.Any(x => x.Kind == BubbleKind.Text && (x.Text ?? "").Contains(MessageContent.NameVariable, StringComparison.Ordinal));
            var filter = b.FilterJson is null ? MemberFilter.All : MemberFilter.Parse(b.FilterJson);
            var (where, args) = MemberFilterSql.Compile(SqlDialect.Of(db), botId, filter);
            await using var tx = await db.BeginTransactionAsync(ct);
            (string, object?)[] all =
            [
                .. args, ("@broadcast", b.Id), ("@message", b.MessageId), ("@due", b.ScheduledAt.UtcTicks), ("@now", now.UtcTicks),
                ("@prefix", KeyPrefix()), ("@blockedPrefix", KeyPrefix()), ("@perMember", perMember ? 1 : 0), ("@group", DeliveryDispatcher.MulticastMax),
            ];
            // Claim it first: a concurrent cancel or planner makes this a no-op.
            var claimed = await SqlBatch.ExecuteAsync(db, tx,
                $"UPDATE Broadcasts SET State = {(int)BroadcastState.Sending}, PlannedAt = @now WHERE Id = @broadcast AND State = {(int)BroadcastState.Scheduled}", ct, all);
            if (claimed == 0) continue;
            // Retry keys are GUIDs as EF stores them (SQLite: upper-case text; PostgreSQL: uuid): a random prefix per broadcast
            // + a 12-digit hex group number.
            const string prefix = "CASE WHEN m.IsBlocked THEN @blockedPrefix ELSE @prefix END";
            const string number = """
                CASE WHEN @perMember = 1 OR m.IsBlocked THEN m.Id
                                   ELSE (row_number() OVER (PARTITION BY m.IsBlocked ORDER BY m.Id) - 1) / @group END
                """;
            var rows = await SqlBatch.ExecuteAsync(db, tx, $"""
                INSERT INTO Deliveries (BotId, MemberId, Source, SourceId, Occurrence, MessageId, RetryKey, DueAt, State, SkipReason, Attempts, CreatedAt)
                SELECT m.BotId, m.Id, {(int)DeliverySource.Broadcast}, @broadcast, 0, @message,
                       {context.Dialect.Pick(
                           sqlite: $"printf('%s%012X', {prefix}, {number})",
                           postgres: $"CAST({prefix} || lpad(upper(to_hex({number})), 12, '0') AS uuid)")},
                       @due,
                       CASE WHEN m.IsBlocked THEN {(int)DeliveryState.Skipped} ELSE {(int)DeliveryState.Pending} END,
                       CASE WHEN m.IsBlocked THEN {(int)DeliverySkipReason.Blocked} END,
                       0, @now
                FROM Members m WHERE {where}
                ON CONFLICT DO NOTHING
                """, ct, all);
            await SqlBatch.ExecuteAsync(db, tx, $"""
                UPDATE Broadcasts SET
                    Recipients = (SELECT count(*) FROM Deliveries d WHERE d.Source = {(int)DeliverySource.Broadcast} AND d.SourceId = @broadcast AND d.BotId = @bot),
                    Blocked = (SELECT count(*) FROM Deliveries d WHERE d.Source = {(int)DeliverySource.Broadcast} AND d.SourceId = @broadcast AND d.BotId = @bot
                               AND d.SkipReason = {(int)DeliverySkipReason.Blocked})
                WHERE Id = @broadcast
                """, ct, all);
            await tx.CommitAsync(ct);
            written += rows;
        }
        // Sending broadcasts with nothing pending any more are done.
        var finished = await SqlBatch.ExecuteAsync(db, null, $"""
            UPDATE Broadcasts SET State = {(int)BroadcastState.Done}
            WHERE BotId = @bot AND State = {(int)BroadcastState.Sending}
              AND NOT EXISTS (SELECT 1 FROM Deliveries d WHERE d.Source = {(int)DeliverySource.Broadcast} AND d.SourceId = Broadcasts.Id
                              AND d.BotId = @bot AND d.State = {(int)DeliveryState.Pending})
            """, ct, ("@bot", botId));
        if (written > 0 || finished > 0 || due.Count > 0) live.Publish(new DeliveriesChanged(botId));
        return written;
    }

    private static string KeyPrefix() => Guid.NewGuid().ToString("D").ToUpperInvariant()[..24];
}

/// <summary>The broadcast side of the dispatcher: rows of a broadcast cancelled meanwhile are not sent (Skipped / Stopped).</summary>
public sealed class BroadcastSource : IDeliverySource
{
    public DeliverySource Source => DeliverySource.Broadcast;

    public Task BeforeSendAsync(DbConnection db, DbTransaction tx, string dueTable, DateTimeOffset now, CancellationToken ct) =>
        SqlBatch.ExecuteAsync(db, tx, $"""
            UPDATE Deliveries SET State = {(int)DeliveryState.Skipped}, SkipReason = {(int)DeliverySkipReason.Stopped}
            WHERE Id IN (SELECT Id FROM {dueTable}) AND State = {(int)DeliveryState.Pending}
              AND SourceId IN (SELECT b.Id FROM Broadcasts b WHERE b.State = {(int)BroadcastState.Cancelled})
            """, ct);

    public Task AfterSentAsync(DbConnection db, DbTransaction tx, string sentTable, DateTimeOffset now, CancellationToken ct) => Task.CompletedTask;
}
