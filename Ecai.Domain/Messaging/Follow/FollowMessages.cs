using System.Data.Common;
using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Ecai.Domain.Members;
using Ecai.Domain.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ecai.Domain.Messaging.Follow;

/// <summary>A scenario as the list shows it: its time and how its deliveries stand.</summary>
public sealed record FollowScenarioRow(long Id, int DaysAfter, TimeOnly AtTime, DeliveryTally Tally);

/// <summary>A follow message as the list shows it.</summary>
/// <remarks><see cref="ConnectionId"/> and <see cref="Kind"/> are null for a message kept when its cart was disconnected.</remarks>
public sealed record FollowMessageRow(int Id, int? ConnectionId, CartKind? Kind, string Name, string ProductCode, string ProductName,
    int? Times, int Priority, int PriorityCount, bool Enabled, IReadOnlyList<FollowScenarioRow> Scenarios);

/// <summary>A cart whose orders carry a shipping date, as the editor offers it.</summary>
public sealed record FollowConnection(int Id, CartKind Kind);

/// <summary>A follow message being edited (new: <see cref="Id"/> 0).</summary>
public sealed class FollowDraft
{
    public int Id { get; set; }
    /// <summary>The message's <see cref="FollowMessage.Version"/> when the editor loaded it (0 for a new one).</summary>
    public int Version { get; set; }
    public int? ConnectionId { get; set; }
    public string Name { get; set; } = "";
    public bool Enabled { get; set; }
    public string? ProductCode { get; set; }
    public int? Times { get; set; }
    /// <summary>null: everyone (全員); else the members matching it (絞り込み).</summary>
    public MemberFilter? Filter { get; set; }
    public int Priority { get; set; }
    public List<FollowScenarioDraft> Scenarios { get; set; } = [new()];
}

/// <summary>
/// The outcome of saving a follow message: its id, the Japanese errors (nothing saved), or stale (<see cref="Fresh"/>: the
/// message changed since the editor loaded it; nothing saved).
/// </summary>
public sealed record FollowSaveResult(IReadOnlyList<string> Errors, int Id)
{
    /// <summary>The message as it is now, when the save was refused because it changed since the editor loaded it.</summary>
    public FollowDraft? Fresh { get; init; }
    public bool IsStale => Fresh is not null;
    public bool Succeeded => Errors.Count == 0 && !IsStale;
}

/// <summary>One scenario being edited (new: <see cref="Id"/> 0).</summary>
public sealed class FollowScenarioDraft
{
    public long Id { get; set; }
    public int DaysAfter { get; set; } = 1;
    public TimeOnly AtTime { get; set; } = new(10, 0);
    public MessageContent Content { get; set; } = MessageContent.Empty;
    public int? AddTagId { get; set; }
    public int? RemoveTagId { get; set; }
    public string? RichMenuId { get; set; }
    public int Points { get; set; }

    public bool HasAnyAction => AddTagId is not null || RemoveTagId is not null || !string.IsNullOrWhiteSpace(RichMenuId) || Points != 0;

    /// <summary>Earlier than 「1日後の06:00」: the shipping date may not have arrived from the cart yet (a warning, not an error).</summary>
    public bool IsEarly => DaysAfter == 0 || (DaysAfter == 1 && AtTime < FollowMessages.EarliestSafeTime);
}

/// <summary>
/// 引上フォローメッセージ: list, edit, switch, reorder and delete. Saving keeps scenario ids (deliveries point at them) and
/// stores a new immutable message row whenever a scenario's content changed; pending, never-tried deliveries of an edited
/// scenario take its new content and time.
/// </summary>
public sealed class FollowMessages(IDbContextFactory<EcaiDb> dbs, DeliveryCounts counts, TimeProvider clock)
{
    public static readonly TimeOnly EarliestSafeTime = new(6, 0);
    public const int MaxPoints = 1_000_000;
    public const int MaxRichMenuIdLength = 100;
    public const string NotFound = "引上フォローメッセージが見つかりません。";

    public async Task<IReadOnlyList<FollowMessageRow>> ListAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var messages = await db.Set<FollowMessage>().AsNoTracking().Include(f => f.Scenarios).Where(f => f.BotId == botId).ToListAsync(ct);
        var kinds = await db.CartConnections.Where(k => k.BotId == botId).ToDictionaryAsync(k => k.Id, k => k.Kind, ct);
        var connectionIds = messages.Select(f => f.ConnectionId ?? 0).Distinct().ToList();
        var codes = messages.Select(f => f.ProductCode).Distinct().ToList();
        var names = (await db.CartProducts.Where(p => connectionIds.Contains(p.ConnectionId) && codes.Contains(p.Code))
            .Select(p => new { p.ConnectionId, p.Code, p.Name }).ToListAsync(ct)).ToDictionary(p => (p.ConnectionId, p.Code), p => p.Name);
        var tallies = await counts.ForAsync(botId, DeliverySource.Follow, messages.SelectMany(f => f.Scenarios).Select(s => s.Id).ToList(), ct);
        var groupSizes = messages.GroupBy(f => (f.ConnectionId, f.ProductCode)).ToDictionary(g => g.Key, g => g.Count());
        return messages
            .OrderBy(f => f.ConnectionId).ThenBy(f => f.ProductCode, StringComparer.Ordinal).ThenBy(f => f.Priority).ThenBy(f => f.Id)
            .Select(f => new FollowMessageRow(f.Id, f.ConnectionId, f.ConnectionId is { } c && kinds.TryGetValue(c, out var kind) ? kind : null,
                f.Name, f.ProductCode, names.GetValueOrDefault((f.ConnectionId ?? 0, f.ProductCode)) ?? f.ProductCode, f.Times, f.Priority, groupSizes[(f.ConnectionId, f.ProductCode)],
                f.Enabled, f.Scenarios.OrderBy(s => s.SortOrder).Select(s => new FollowScenarioRow(s.Id, s.DaysAfter, s.AtTime, tallies[s.Id])).ToList()))
            .ToList();
    }

    /// <summary>The bot's carts that report shipping dates (ecforce, 楽天RMS, リピスト).</summary>
    public async Task<IReadOnlyList<FollowConnection>> ConnectionsAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var all = await db.CartConnections.Where(k => k.BotId == botId).OrderBy(k => k.Id).Select(k => new FollowConnection(k.Id, k.Kind)).ToListAsync(ct);
        return all.Where(k => FollowMessage.ShippingCarts.Contains(k.Kind)).ToList();
    }

    /// <summary>The trigger products a connection offers (its CartProducts).</summary>
    public async Task<IReadOnlyList<ProductOption>> ProductsAsync(int botId, int connectionId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await (from p in db.CartProducts
                      join k in db.CartConnections on p.ConnectionId equals k.Id
                      where k.BotId == botId && k.Id == connectionId
                      orderby p.Code
                      select new ProductOption(k.Id, k.Kind, p.Code, p.Name, p.CourseName)).ToListAsync(ct);
    }

    public async Task<FollowDraft?> GetAsync(int botId, int id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var f = await db.Set<FollowMessage>().AsNoTracking().Include(x => x.Scenarios).FirstOrDefaultAsync(x => x.Id == id && x.BotId == botId, ct);
        if (f is null) return null;
        var messageIds = f.Scenarios.Select(s => s.MessageId).ToList();
        var contents = await db.StoredMessages.Where(m => messageIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.ContentJson, ct);
        return new FollowDraft
        {
            Id = f.Id, Version = f.Version, ConnectionId = f.ConnectionId, Name = f.Name, Enabled = f.Enabled, ProductCode = f.ProductCode, Times = f.Times,
            Filter = f.FilterJson is null ? null : MemberFilter.Parse(f.FilterJson), Priority = f.Priority,
            Scenarios = f.Scenarios.OrderBy(s => s.SortOrder).Select(s => new FollowScenarioDraft
            {
                Id = s.Id, DaysAfter = s.DaysAfter, AtTime = s.AtTime, Content = MessageContent.Parse(contents[s.MessageId]),
                AddTagId = s.AddTagId, RemoveTagId = s.RemoveTagId, RichMenuId = s.RichMenuId, Points = s.Points,
            }).ToList(),
        };
    }

    /// <summary>The Japanese errors of a draft that need no database (the rest are checked by <see cref="SaveAsync"/>).</summary>
    public static List<string> Validate(FollowDraft draft)
    {
        var errors = new List<string>();
        var name = draft.Name.Trim();
        if (name.Length == 0) errors.Add("メッセージ管理名を入力してください。");
        else if (name.Length > FollowMessage.MaxNameLength) errors.Add($"メッセージ管理名は{FollowMessage.MaxNameLength}文字以内で入力してください。");
        if (draft.ConnectionId is null) errors.Add("カートを選んでください。");
        if (string.IsNullOrWhiteSpace(draft.ProductCode)) errors.Add("トリガー商品を選んでください。");
        if (draft.Times is < 1 or > 1000) errors.Add("定期回数は1以上の回数で指定してください。");
        if (draft.Filter is { } filter) errors.AddRange(filter.Problems());
        if (draft.Scenarios.Count == 0) errors.Add("シナリオを1つ以上追加してください。");
        if (draft.Scenarios.Count > FollowMessage.MaxScenarios) errors.Add($"シナリオは{FollowMessage.MaxScenarios}個までです。");
        for (var i = 0; i < draft.Scenarios.Count; i++)
        {
            var s = draft.Scenarios[i];
            var at = $"シナリオ{i + 1}: ";
            if (s.DaysAfter is < 0 or > FollowMessage.MaxDaysAfter) errors.Add(at + $"配信日は発送完了日の0〜{FollowMessage.MaxDaysAfter}日後で指定してください。");
            if (s.AtTime.Second != 0 || s.AtTime.Millisecond != 0) errors.Add(at + "配信時刻は時:分で指定してください。");
            errors.AddRange(s.Content.Problems().Select(p => at + p));
            if (s.AddTagId is not null && s.AddTagId == s.RemoveTagId) errors.Add(at + "同じタグを付与と削除の両方に指定することはできません。");
            if (s.Points is < -MaxPoints or > MaxPoints) errors.Add(at + $"ポイントは±{MaxPoints:N0}以内で指定してください。");
            if (s.RichMenuId is { } menu && (menu.Trim().Length > MaxRichMenuIdLength || menu.Trim().Any(char.IsWhiteSpace)))
                errors.Add(at + "リッチメニューIDが正しくありません。");
        }
        var times = draft.Scenarios.Select(s => (s.DaysAfter, s.AtTime)).ToList();
        if (times.Distinct().Count() < times.Count) errors.Add("同じ配信日時のシナリオが複数あります。");
        return errors;
    }

    /// <summary>
    /// Validates and saves; returns the Japanese errors (nothing saved) or none and the follow message's id. An edit carries
    /// the <see cref="FollowDraft.Version"/> the editor loaded: when the message changed since (another operator, the list's
    /// switch or order, 連携解除), nothing is saved and the result carries the fresh message.
    /// </summary>
    public async Task<FollowSaveResult> SaveAsync(int botId, FollowDraft draft, CancellationToken ct)
    {
        var errors = Validate(draft);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = draft.ConnectionId is { } cid ? await db.CartConnections.FirstOrDefaultAsync(k => k.Id == cid && k.BotId == botId, ct) : null;
        if (draft.ConnectionId is not null && connection is null) errors.Add("カートが見つかりません。");
        if (connection is not null && !FollowMessage.ShippingCarts.Contains(connection.Kind))
            errors.Add($"{CartNames.Of(connection.Kind)}は発送日を連携しないため、引上フォローメッセージには使えません(ecforce・楽天RMS・リピストのみ)。");
        else if (connection is not null && draft.ProductCode is { } code
            && !await db.CartProducts.AnyAsync(p => p.ConnectionId == connection.Id && p.Code == code, ct))
            errors.Add("トリガー商品がこのカートの商品にありません。");
        var tagIds = draft.Scenarios.SelectMany(s => new[] { s.AddTagId, s.RemoveTagId }).OfType<int>()
            .Concat(draft.Filter is { } f ? [.. f.TagsAll, .. f.TagsAny, .. f.TagsNone] : []).Distinct().ToList();
        if (tagIds.Count > 0 && await db.Tags.CountAsync(t => tagIds.Contains(t.Id) && t.BotId == botId, ct) != tagIds.Count)
            errors.Add("タグが見つかりません。");
        var existing = draft.Id == 0 ? null
            : await db.Set<FollowMessage>().Include(x => x.Scenarios).FirstOrDefaultAsync(x => x.Id == draft.Id && x.BotId == botId, ct);
        if (draft.Id != 0 && existing is null) errors.Add(NotFound);
        if (existing is not null && existing.Version != draft.Version) return await StaleAsync(tx, botId, draft.Id, ct);
        if (errors.Count > 0) return new FollowSaveResult(errors, 0);
        if (existing is not null) db.ExpectVersion(existing, draft.Version);

        var now = clock.GetUtcNow();
        var message = existing ?? new FollowMessage { BotId = botId, CreatedAt = now };
        var (oldConnection, oldProduct) = (message.ConnectionId, message.ProductCode);
        var moved = existing is null || oldConnection != connection!.Id || oldProduct != draft.ProductCode;
        message.ConnectionId = connection!.Id;
        message.Name = draft.Name.Trim();
        message.Enabled = draft.Enabled;
        message.ProductCode = draft.ProductCode!;
        message.Times = draft.Times;
        message.FilterJson = draft.Filter?.ToJson();
        message.UpdatedAt = now;
        if (moved)
            message.Priority = 1 + (await db.Set<FollowMessage>()
                .Where(x => x.BotId == botId && x.ConnectionId == message.ConnectionId && x.ProductCode == message.ProductCode && x.Id != message.Id)
                .MaxAsync(x => (int?)x.Priority, ct) ?? 0);
        if (existing is null) db.Add(message);
        try { await db.SaveChangesAsync(ct); } // the message row first: a change made after the read above fails here, before anything else
        catch (DbUpdateConcurrencyException) { return await StaleAsync(tx, botId, draft.Id, ct); }

        // Scenarios: kept by id, new ones added, missing ones removed; new content → a new stored message.
        var storedIds = message.Scenarios.Select(s => s.MessageId).ToList();
        var contents = await db.StoredMessages.Where(m => storedIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.ContentJson, ct);
        var edited = new List<FollowScenario>();
        var kept = new HashSet<FollowScenario>();
        for (var i = 0; i < draft.Scenarios.Count; i++)
        {
            var d = draft.Scenarios[i];
            var scenario = d.Id == 0 ? null : message.Scenarios.FirstOrDefault(s => s.Id == d.Id);
            var json = d.Content.ToJson();
            var changed = scenario is not null
                && (scenario.DaysAfter != d.DaysAfter || scenario.AtTime != d.AtTime || contents.GetValueOrDefault(scenario.MessageId) != json);
            var messageId = scenario?.MessageId ?? 0;
            if (scenario is null || contents.GetValueOrDefault(scenario.MessageId) != json)
            {
                var stored = new StoredMessage { BotId = botId, ContentJson = json, CreatedAt = now };
                db.StoredMessages.Add(stored);
                await db.SaveChangesAsync(ct);
                messageId = stored.Id;
            }
            if (scenario is null) message.Scenarios.Add(scenario = new FollowScenario());
            kept.Add(scenario);
            scenario.MessageId = messageId;
            scenario.SortOrder = i;
            scenario.DaysAfter = d.DaysAfter;
            scenario.AtTime = d.AtTime;
            scenario.AddTagId = d.AddTagId;
            scenario.RemoveTagId = d.RemoveTagId;
            scenario.RichMenuId = string.IsNullOrWhiteSpace(d.RichMenuId) ? null : d.RichMenuId.Trim();
            scenario.Points = d.Points;
            if (changed) edited.Add(scenario);
        }
        foreach (var gone in message.Scenarios.Where(s => !kept.Contains(s)).ToList())
        {
            message.Scenarios.Remove(gone);
            db.Remove(gone);
        }
        await db.SaveChangesAsync(ct);

        // Pending deliveries nobody tried yet follow the edit: the new content, the new time (skipped when it has passed).
        foreach (var s in edited)
        {
            var due = FollowPlanner.DueSql("o.ShippedAt", "@days", "@at");
            await SqlBatch.ExecuteAsync((DbConnection)db.Database.GetDbConnection(), (DbTransaction)tx.GetDbTransaction(), $"""
                UPDATE Deliveries SET MessageId = @message,
                    DueAt = (SELECT {due} FROM CartOrders o WHERE o.Id = Deliveries.Occurrence)
                WHERE Source = {(int)DeliverySource.Follow} AND SourceId = @scenario AND State = {(int)DeliveryState.Pending} AND Attempts = 0;
                UPDATE Deliveries SET State = {(int)DeliveryState.Skipped}, SkipReason = {(int)DeliverySkipReason.TimePassed}
                WHERE Source = {(int)DeliverySource.Follow} AND SourceId = @scenario AND State = {(int)DeliveryState.Pending} AND Attempts = 0 AND DueAt < @cutoff;
                """, ct, ("@message", s.MessageId), ("@days", s.DaysAfter), ("@at", s.AtTime.Hour * 60 + s.AtTime.Minute), ("@scenario", s.Id),
                ("@cutoff", (now - FollowPlanner.Grace).UtcTicks));
        }
        if (moved && existing is not null) await RenumberAsync(db, botId, oldConnection, oldProduct, ct);
        await tx.CommitAsync(ct);
        return new FollowSaveResult([], message.Id);
    }

    /// <summary>Nothing of the refused save stays; the result carries the message as it is now (or says it is gone).</summary>
    private async Task<FollowSaveResult> StaleAsync(IDbContextTransaction tx, int botId, int id, CancellationToken ct)
    {
        await tx.RollbackAsync(ct);
        return await GetAsync(botId, id, ct) is { } fresh ? new FollowSaveResult([], 0) { Fresh = fresh } : new FollowSaveResult([NotFound], 0);
    }

    /// <summary>Switches a follow message on or off; one without a cart (kept at 連携解除) stays off until a cart is chosen.</summary>
    public async Task SetEnabledAsync(int botId, int id, bool enabled, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.Set<FollowMessage>().Where(f => f.Id == id && f.BotId == botId && (!enabled || f.ConnectionId != null))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Enabled, enabled).SetProperty(f => f.UpdatedAt, now).SetProperty(f => f.Version, f => f.Version + 1), ct);
    }

    /// <summary>Moves a follow message one place up (towards priority 1) or down among those of the same product.</summary>
    public async Task MoveAsync(int botId, int id, bool up, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var message = await db.Set<FollowMessage>().FirstOrDefaultAsync(f => f.Id == id && f.BotId == botId, ct);
        if (message is null) return;
        var group = await db.Set<FollowMessage>()
            .Where(f => f.BotId == botId && f.ConnectionId == message.ConnectionId && f.ProductCode == message.ProductCode)
            .OrderBy(f => f.Priority).ThenBy(f => f.Id).ToListAsync(ct);
        var at = group.FindIndex(f => f.Id == id);
        var to = up ? at - 1 : at + 1;
        if (to < 0 || to >= group.Count) return;
        (group[at], group[to]) = (group[to], group[at]);
        for (var i = 0; i < group.Count; i++) group[i].Priority = i + 1;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Deletes a follow message; its past deliveries stay as history and its pending ones are skipped as stopped.</summary>
    public async Task DeleteAsync(int botId, int id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var message = await db.Set<FollowMessage>().FirstOrDefaultAsync(f => f.Id == id && f.BotId == botId, ct);
        if (message is null) return;
        var scenarioIds = await db.Set<FollowScenario>().Where(s => s.FollowMessageId == id).Select(s => s.Id).ToListAsync(ct);
        await db.Deliveries.Where(d => d.BotId == botId && d.Source == DeliverySource.Follow && scenarioIds.Contains(d.SourceId) && d.State == DeliveryState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Skipped).SetProperty(d => d.SkipReason, DeliverySkipReason.Stopped), ct);
        await db.Set<FollowMessage>().Where(f => f.Id == id).ExecuteDeleteAsync(ct);
        await RenumberAsync(db, botId, message.ConnectionId, message.ProductCode, ct);
        await tx.CommitAsync(ct);
    }

    private static async Task RenumberAsync(EcaiDb db, int botId, int? connectionId, string productCode, CancellationToken ct)
    {
        var group = await db.Set<FollowMessage>().Where(f => f.BotId == botId && f.ConnectionId == connectionId && f.ProductCode == productCode)
            .OrderBy(f => f.Priority).ThenBy(f => f.Id).ToListAsync(ct);
        for (var i = 0; i < group.Count; i++) group[i].Priority = i + 1;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>How many follow messages use the tag in an action or their target (a tag in use cannot be deleted).</summary>
    internal static async Task<int> TagUsesAsync(EcaiDb db, int tagId, CancellationToken ct)
    {
        var byAction = await db.Set<FollowScenario>().Where(s => s.AddTagId == tagId || s.RemoveTagId == tagId)
            .Select(s => s.FollowMessageId).Distinct().ToListAsync(ct);
        var botId = await db.Tags.Where(t => t.Id == tagId).Select(t => t.BotId).FirstOrDefaultAsync(ct);
        var filters = await db.Set<FollowMessage>().Where(f => f.BotId == botId && f.FilterJson != null)
            .Select(f => new { f.Id, f.FilterJson }).ToListAsync(ct);
        var byFilter = filters.Where(f => MemberFilter.Parse(f.FilterJson!).NamesTag(tagId)).Select(f => f.Id);
        return byAction.Union(byFilter).Count();
    }
}
