using System.Data.Common;
using Ecai.Domain.Data;
using Ecai.Domain.Members;

namespace Ecai.Domain.Messaging.Steps;

/// <summary>
/// The dispatcher's hook for step deliveries, set-wise over its batch of due rows: a row whose scenario is off or whose
/// step was deleted is Skipped (Stopped); a row whose member does not match the scenario's filter now is Skipped
/// (FilterNotMatched) — one statement per scenario with a filter, the filter compiled by <see cref="MemberFilterSql"/>.
/// </summary>
public sealed class StepDeliveries : IDeliverySource
{
    public DeliverySource Source => DeliverySource.Step;

    public async Task BeforeSendAsync(DbConnection db, DbTransaction tx, string dueTable, DateTimeOffset now, CancellationToken ct)
    {
        var due = $"""
            Deliveries.Id IN (SELECT Id FROM {dueTable}) AND Deliveries.Source = {(int)DeliverySource.Step}
              AND Deliveries.State = {(int)DeliveryState.Pending}
            """;
        await SqlBatch.ExecuteAsync(db, tx, $"""
            UPDATE Deliveries SET State = {(int)DeliveryState.Skipped}, SkipReason = {(int)DeliverySkipReason.Stopped}
            WHERE {due} AND NOT EXISTS (SELECT 1 FROM ScenarioSteps st JOIN StepScenarios s ON s.Id = st.ScenarioId
                                        WHERE st.Id = Deliveries.SourceId AND s.Enabled = TRUE)
            """, ct);

        var filtered = new List<(int Scenario, int Bot, string Filter)>();
        await using (var command = db.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = $"""
                SELECT DISTINCT s.Id, s.BotId, s.FilterJson FROM Deliveries
                JOIN ScenarioSteps st ON st.Id = Deliveries.SourceId JOIN StepScenarios s ON s.Id = st.ScenarioId
                WHERE {due} AND s.FilterJson IS NOT NULL
                """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) filtered.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2)));
        }
        foreach (var (scenario, bot, json) in filtered)
        {
            var (where, args) = MemberFilterSql.Compile(SqlDialect.Of(db), bot, MemberFilter.Parse(json));
            args.Add(("@scenario", scenario));
            // Correlated on the member's rowid: the filter's set conditions are lists read once, then probed per due row.
            await SqlBatch.ExecuteAsync(db, tx, $"""
                UPDATE Deliveries SET State = {(int)DeliveryState.Skipped}, SkipReason = {(int)DeliverySkipReason.FilterNotMatched}
                WHERE {due} AND Deliveries.SourceId IN (SELECT st.Id FROM ScenarioSteps st WHERE st.ScenarioId = @scenario)
                  AND NOT EXISTS (SELECT 1 FROM Members m WHERE m.Id = Deliveries.MemberId AND {where})
                """, ct, [.. args]);
        }
    }

    /// <summary>Steps have no actions after sending.</summary>
    public Task AfterSentAsync(DbConnection db, DbTransaction tx, string sentTable, DateTimeOffset now, CancellationToken ct) =>
        Task.CompletedTask;
}
