using Ecai.Domain.Data;
using Ecai.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Messaging.Steps;

/// <summary>A step as the editor holds it: its delay (the time of day as typed, "18:00") and its content.</summary>
public sealed class StepDraft
{
    /// <summary>0 for a new step.</summary>
    public int Id { get; set; }
    public StepDelayKind DelayKind { get; set; } = StepDelayKind.Days;
    public int Amount { get; set; } = 1;
    /// <summary>For <see cref="StepDelayKind.DaysAt"/>: "HH:MM" (JST).</summary>
    public string? At { get; set; } = "10:00";
    public MessageContent Content { get; set; } = MessageContent.Empty;

    public StepDelay Delay => new(DelayKind, Amount, DelayKind == StepDelayKind.DaysAt ? StepDelay.ParseTime(At) : null);
}

/// <summary>A scenario as the editor holds it.</summary>
public sealed class StepScenarioDraft
{
    /// <summary>0 for a new scenario.</summary>
    public int Id { get; set; }
    /// <summary>The scenario's <see cref="StepScenario.Version"/> when the editor loaded it (0 for a new one).</summary>
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public StepTrigger Trigger { get; set; } = StepTrigger.FriendAdded;
    public int? TagId { get; set; }
    /// <summary>Null: every member who enters.</summary>
    public MemberFilter? Filter { get; set; }
    public List<StepDraft> Steps { get; set; } = [new()];
}

/// <summary>One step on the list: its delay and how its deliveries stand.</summary>
public sealed record StepRow(int Id, StepDelay Delay, DeliveryTally Tally);

/// <summary>A scenario on the list.</summary>
public sealed record StepScenarioRow(int Id, string Name, bool Enabled, StepTrigger Trigger, string? TagName, bool Filtered,
    DateTimeOffset UpdatedAt, IReadOnlyList<StepRow> Steps);

/// <summary>
/// Who a scenario reaches once it is on (<see cref="StepScenarios.ReachAsync"/>): entries start at that moment, so it
/// reaches only members who become a friend (or get the trigger tag) afterwards. <see cref="AlreadyTagged"/>: friends
/// who have the trigger tag now and so will not enter (null for the friend-added trigger); <see cref="Matching"/>:
/// friends its filter selects now (null without a filter). Blocked friends are never counted.
/// </summary>
public sealed record StepReach(long? AlreadyTagged, long? Matching);

/// <summary>
/// The outcome of saving a scenario: its id, the Japanese reasons nothing was saved, or stale (<see cref="Fresh"/>: the
/// scenario changed since the editor loaded it; nothing was saved).
/// </summary>
public sealed record StepSaveResult(int? ScenarioId, IReadOnlyList<string> Errors)
{
    /// <summary>The scenario as it is now, when the save was refused because it changed since the editor loaded it.</summary>
    public StepScenarioDraft? Fresh { get; init; }
    public bool IsStale => Fresh is not null;
    public bool Succeeded => Errors.Count == 0 && !IsStale;
}

/// <summary>
/// ステップメッセージ: list, load, save, switch on/off and delete a bot's scenarios. Switching a scenario on starts
/// its entries from that moment (<see cref="StepScenario.EntryAfterEventId"/>); switching it off (or deleting it, or
/// deleting a step) marks its pending deliveries Skipped (Stopped) at once. A step whose content changes gets a new
/// <see cref="StoredMessage"/>; its pending deliveries that were never tried take the new content and the new delay,
/// the ones already tried keep theirs (a retry must send the same bubbles under the same retry key).
/// </summary>
public sealed class StepScenarios(IDbContextFactory<EcaiDb> dbs, DeliveryCounts counts, TimeProvider clock)
{
    public const int MaxSteps = 50;
    public const int MaxAmount = 1000;
    public const string NotFound = "ステップメッセージが見つかりません。";

    /// <summary>A changed step's pending, never-tried deliveries take its new content ({0}) and delay, from their trigger event's time.</summary>
    private static string RetimeSql(SqlDialect dialect) => $$"""
        UPDATE Deliveries SET MessageId = {0},
          DueAt = (SELECT {{StepDelay.Sql(dialect, "st", "e.OccurredAt")}} FROM ScenarioSteps st, MemberEvents e
                   WHERE st.Id = Deliveries.SourceId AND e.Id = Deliveries.Occurrence)
        WHERE Source = {{(int)DeliverySource.Step}} AND SourceId = {1} AND State = {{(int)DeliveryState.Pending}} AND Attempts = 0
          AND EXISTS (SELECT 1 FROM MemberEvents e WHERE e.Id = Deliveries.Occurrence)
        """;

    /// <summary>The counts the editor and the on switch show before a scenario is switched on (two counts in SQL at most).</summary>
    public async Task<StepReach> ReachAsync(int botId, StepTrigger trigger, int? tagId, MemberFilter? filter, CancellationToken ct)
    {
        var search = new MemberSearch(dbs);
        long? tagged = trigger == StepTrigger.TagAdded && tagId is { } tag
            ? await search.CountAsync(botId, new MemberFilter { TagsAll = [tag], Blocked = false }, ct)
            : null;
        long? matching = filter is null ? null
            : filter.Blocked == true ? 0
            : await search.CountAsync(botId, filter with { Blocked = false }, ct);
        return new StepReach(tagged, matching);
    }

    public async Task<IReadOnlyList<StepScenarioRow>> ListAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var scenarios = await (from s in db.Set<StepScenario>().AsNoTracking()
                               where s.BotId == botId
                               orderby s.Id
                               select new { s, TagName = db.Tags.Where(t => t.Id == s.TagId).Select(t => t.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var ids = scenarios.Select(x => x.s.Id).ToList();
        var steps = await db.Set<ScenarioStep>().AsNoTracking().Where(st => ids.Contains(st.ScenarioId)).ToListAsync(ct);
        var tallies = await counts.ForAsync(botId, DeliverySource.Step, steps.Select(st => (long)st.Id).ToList(), ct);
        return scenarios.Select(x => new StepScenarioRow(x.s.Id, x.s.Name, x.s.Enabled, x.s.Trigger, x.TagName, x.s.FilterJson is not null,
                x.s.UpdatedAt,
                steps.Where(st => st.ScenarioId == x.s.Id).OrderBy(st => st.Position)
                    .Select(st => new StepRow(st.Id, new StepDelay(st.DelayKind, st.Amount, st.AtMinute), tallies[st.Id])).ToList()))
            .ToList();
    }

    /// <summary>The scenario for the editor, or null when the bot has no such scenario.</summary>
    public async Task<StepScenarioDraft?> GetAsync(int botId, int scenarioId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var s = await db.Set<StepScenario>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == scenarioId && x.BotId == botId, ct);
        if (s is null) return null;
        var steps = await (from st in db.Set<ScenarioStep>()
                           join m in db.StoredMessages on st.MessageId equals m.Id
                           where st.ScenarioId == scenarioId
                           orderby st.Position
                           select new { st, m.ContentJson }).AsNoTracking().ToListAsync(ct);
        return new StepScenarioDraft
        {
            Id = s.Id, Version = s.Version, Name = s.Name, Enabled = s.Enabled, Trigger = s.Trigger, TagId = s.TagId,
            Filter = s.FilterJson is { } json ? MemberFilter.Parse(json) : null,
            Steps = steps.Select(x => new StepDraft
            {
                Id = x.st.Id, DelayKind = x.st.DelayKind, Amount = x.st.Amount,
                At = x.st.AtMinute is { } minute ? StepDelay.FormatTime(minute) : "10:00",
                Content = MessageContent.Parse(x.ContentJson),
            }).ToList(),
        };
    }

    /// <summary>Japanese reasons the draft cannot be saved (tag ownership is checked by <see cref="SaveAsync"/>).</summary>
    public static List<string> Validate(StepScenarioDraft draft)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(draft.Name)) errors.Add("メッセージ管理名を入力してください。");
        else if (draft.Name.Trim().Length > StepScenario.MaxNameLength) errors.Add($"メッセージ管理名は{StepScenario.MaxNameLength}文字以内で入力してください。");
        if (!Enum.IsDefined(draft.Trigger)) errors.Add("トリガーを選んでください。");
        if (draft.Trigger == StepTrigger.TagAdded && draft.TagId is null) errors.Add("トリガーにするタグを選んでください。");
        if (draft.Filter is { } filter) errors.AddRange(filter.Problems().Select(p => "絞り込み: " + p));
        if (draft.Steps.Count == 0) errors.Add("ステップを1つ以上追加してください。");
        if (draft.Steps.Count > MaxSteps) errors.Add($"ステップは{MaxSteps}個までです。");
        for (var i = 0; i < draft.Steps.Count; i++)
        {
            var step = draft.Steps[i];
            var label = $"ステップ{i + 1}: ";
            if (!Enum.IsDefined(step.DelayKind)) errors.Add(label + "配信タイミングの種類を選んでください。");
            if (step.Amount < 0) errors.Add(label + "配信タイミングに負の数は指定できません。");
            else if (step.Amount > MaxAmount) errors.Add(label + $"配信タイミングは{MaxAmount}以下で指定してください。");
            if (step.DelayKind == StepDelayKind.DaysAt && StepDelay.ParseTime(step.At) is null)
                errors.Add(label + "配信時刻をHH:MM(例: 18:00)で入力してください。");
            errors.AddRange(step.Content.Problems().Select(p => label + p));
        }
        return errors;
    }

    /// <summary>
    /// Validates and saves the scenario with its steps (in order) in one transaction; nothing is saved on errors. An edit
    /// carries the <see cref="StepScenarioDraft.Version"/> the editor loaded: when the scenario changed since (another
    /// operator, the list's switch, 連携解除), nothing is saved and the result carries the fresh scenario.
    /// </summary>
    public async Task<StepSaveResult> SaveAsync(int botId, StepScenarioDraft draft, CancellationToken ct)
    {
        var errors = Validate(draft);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (draft.Trigger == StepTrigger.TagAdded && draft.TagId is { } tagId && !await db.Tags.AnyAsync(t => t.Id == tagId && t.BotId == botId, ct))
            errors.Add("トリガーにするタグが見つかりません。");
        if (errors.Count > 0) return new StepSaveResult(null, errors);

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var scenario = draft.Id == 0
            ? null
            : await db.Set<StepScenario>().FirstOrDefaultAsync(s => s.Id == draft.Id && s.BotId == botId, ct);
        if (draft.Id != 0 && scenario is null) return new StepSaveResult(null, [NotFound]);
        if (scenario is null)
        {
            scenario = new StepScenario { BotId = botId, Name = "", CreatedAt = now };
            db.Add(scenario);
        }
        else if (scenario.Version != draft.Version) return await StaleAsync(tx, botId, draft.Id, ct);
        else db.ExpectVersion(scenario, draft.Version);
        var switchedOn = draft.Enabled && !scenario.Enabled;
        var switchedOff = !draft.Enabled && scenario.Enabled;
        scenario.Name = draft.Name.Trim();
        scenario.Trigger = draft.Trigger;
        scenario.TagId = draft.Trigger == StepTrigger.TagAdded ? draft.TagId : null;
        scenario.FilterJson = draft.Filter?.ToJson() is { } filterJson && filterJson != MemberFilter.All.ToJson() ? filterJson : null; // no condition: no filter
        scenario.Enabled = draft.Enabled;
        scenario.UpdatedAt = now;
        if (switchedOn) scenario.EntryAfterEventId = await LastEventIdAsync(db, botId, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return await StaleAsync(tx, botId, draft.Id, ct); } // changed after the read above

        var existing = await db.Set<ScenarioStep>().Where(st => st.ScenarioId == scenario.Id).ToListAsync(ct);
        var contents = await db.StoredMessages.Where(m => existing.Select(st => st.MessageId).Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.ContentJson, ct);
        var kept = draft.Steps.Where(d => d.Id != 0).Select(d => d.Id).ToHashSet();
        var removed = existing.Where(st => !kept.Contains(st.Id)).ToList();
        var changed = new List<ScenarioStep>();
        for (var i = 0; i < draft.Steps.Count; i++)
        {
            var d = draft.Steps[i];
            var step = existing.FirstOrDefault(st => st.Id == d.Id);
            if (d.Id != 0 && step is null) return new StepSaveResult(null, [$"ステップ{i + 1}が見つかりません。画面を開き直してください。"]);
            var added = step is null;
            step ??= new ScenarioStep { ScenarioId = scenario.Id };
            var delay = d.Delay;
            var json = d.Content.ToJson();
            var retimed = step.Id != 0 && (step.DelayKind, step.Amount, step.AtMinute) != (delay.Kind, delay.Amount, delay.AtMinute);
            var rewritten = step.Id == 0 || contents.GetValueOrDefault(step.MessageId) != json;
            if (rewritten)
            {
                var message = new StoredMessage { BotId = botId, ContentJson = json, CreatedAt = now };
                db.StoredMessages.Add(message);
                await db.SaveChangesAsync(ct);
                step.MessageId = message.Id;
            }
            if (added) db.Add(step);
            (step.Position, step.DelayKind, step.Amount, step.AtMinute) = (i, delay.Kind, delay.Amount, delay.AtMinute);
            if (step.Id != 0 && (retimed || rewritten)) changed.Add(step);
        }
        db.RemoveRange(removed);
        await db.SaveChangesAsync(ct);

        foreach (var step in changed)
            await db.Database.ExecuteSqlRawAsync(RetimeSql(db.Dialect), [step.MessageId, step.Id], ct);
        await StopPendingAsync(db, removed.Select(st => st.Id).ToList(), ct);
        if (switchedOff) await StopPendingAsync(db, scenario.Id, ct);
        await tx.CommitAsync(ct);
        return new StepSaveResult(scenario.Id, []);
    }

    /// <summary>Nothing of the refused save stays; the result carries the scenario as it is now (or says it is gone).</summary>
    private async Task<StepSaveResult> StaleAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, int botId, int scenarioId, CancellationToken ct)
    {
        await tx.RollbackAsync(ct);
        return await GetAsync(botId, scenarioId, ct) is { } fresh ? new StepSaveResult(null, []) { Fresh = fresh } : new StepSaveResult(null, [NotFound]);
    }

    /// <summary>Switches a scenario on (entries start now) or off (its pending deliveries are stopped at once).</summary>
    public async Task<bool> SetEnabledAsync(int botId, int scenarioId, bool enabled, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var scenario = await db.Set<StepScenario>().FirstOrDefaultAsync(s => s.Id == scenarioId && s.BotId == botId, ct);
        if (scenario is null) return false;
        if (scenario.Enabled == enabled) return true;
        scenario.Enabled = enabled;
        scenario.UpdatedAt = clock.GetUtcNow();
        if (enabled) scenario.EntryAfterEventId = await LastEventIdAsync(db, botId, ct);
        await db.SaveChangesAsync(ct);
        if (!enabled) await StopPendingAsync(db, scenarioId, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Deletes a scenario and its steps; its pending deliveries are stopped, the ledger's history stays.</summary>
    public async Task<bool> DeleteAsync(int botId, int scenarioId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Set<StepScenario>().AnyAsync(s => s.Id == scenarioId && s.BotId == botId, ct)) return false;
        await StopPendingAsync(db, scenarioId, ct);
        await db.Set<ScenarioStep>().Where(st => st.ScenarioId == scenarioId).ExecuteDeleteAsync(ct);
        await db.Set<StepScenario>().Where(s => s.Id == scenarioId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>How many of the bot's step scenarios use the tag as their trigger or in their filter (for TagCatalog's delete check).</summary>
    public static async Task<int> CountUsingTagAsync(EcaiDb db, int tagId, CancellationToken ct)
    {
        var botId = await db.Tags.Where(t => t.Id == tagId).Select(t => (int?)t.BotId).FirstOrDefaultAsync(ct);
        if (botId is null) return 0;
        var scenarios = await db.Set<StepScenario>().AsNoTracking()
            .Where(s => s.BotId == botId && (s.TagId == tagId || s.FilterJson != null))
            .Select(s => new { s.TagId, s.FilterJson }).ToListAsync(ct);
        return scenarios.Count(s => s.TagId == tagId || s.FilterJson is { } json && MemberFilter.Parse(json).NamesTag(tagId));
    }

    private static async Task<long> LastEventIdAsync(EcaiDb db, int botId, CancellationToken ct) =>
        await db.MemberEvents.Where(e => e.BotId == botId).MaxAsync(e => (long?)e.Id, ct) ?? 0;

    private static Task StopPendingAsync(EcaiDb db, int scenarioId, CancellationToken ct) =>
        db.Deliveries.Where(d => d.Source == DeliverySource.Step && d.State == DeliveryState.Pending
                                 && db.Set<ScenarioStep>().Any(st => st.ScenarioId == scenarioId && st.Id == d.SourceId))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Skipped).SetProperty(d => d.SkipReason, DeliverySkipReason.Stopped), ct);

    private static async Task StopPendingAsync(EcaiDb db, List<int> stepIds, CancellationToken ct)
    {
        if (stepIds.Count == 0) return;
        var ids = stepIds.Select(id => (long)id).ToList();
        await db.Deliveries.Where(d => d.Source == DeliverySource.Step && d.State == DeliveryState.Pending && ids.Contains(d.SourceId))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Skipped).SetProperty(d => d.SkipReason, DeliverySkipReason.Stopped), ct);
    }
}
