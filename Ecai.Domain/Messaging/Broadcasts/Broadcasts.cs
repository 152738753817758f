using Ecai.Domain.Data;
using Ecai.Domain.Line;
using Ecai.Domain.Members;
using Ecai.Domain.Realtime;
using Ecai.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Messaging.Broadcasts;

/// <summary>What the operator asks for: a title, the content, the audience (null = every friend) and a time (null = now).</summary>
public sealed record BroadcastRequest(string? Title, MessageContent Content, MemberFilter? Filter, DateTimeOffset? ScheduledAt);

/// <summary>One line of the 一斉配信 list.</summary>
public sealed record BroadcastRow(long Id, string Title, BroadcastState State, DateTimeOffset ScheduledAt, long Recipients, long Blocked,
    DeliveryTally Tally, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>
/// Who would get a broadcast now and what it costs against the month: <see cref="Recipients"/> (friends who have not
/// blocked the bot), the month's <see cref="Quota"/> (null when LINE could not be asked or the bot has no channel), and
/// whether it would go over. LINE counts one message per recipient of a push or multicast, however many bubbles.
/// </summary>
public sealed record BroadcastEstimate(long Recipients, LineQuota? Quota)
{
    public long Messages => Recipients;
    public bool ExceedsQuota => Quota?.Remaining is { } remaining && Messages > remaining;
}

/// <summary>一斉配信: create (now or at a JST time), list with the ledger's counts, cancel.</summary>
public sealed class Broadcasts(IDbContextFactory<EcaiDb> dbs, MemberSearch search, BroadcastPlanner planner, IDispatchSignal signal,
    ILineMessenger messenger, LineChannels channels, ILiveEvents live, TimeProvider clock)
{
    public const int TitleMax = 100;

    public async Task<IReadOnlyList<BroadcastRow>> ListAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Broadcasts.Where(b => b.BotId == botId).OrderByDescending(b => b.Id).Take(200).AsNoTracking().ToListAsync(ct);
        var tallies = await new DeliveryCounts(dbs).ForAsync(botId, DeliverySource.Broadcast, [.. rows.Select(r => r.Id)], ct);
        return [.. rows.Select(b => new BroadcastRow(b.Id, b.Title, b.State, b.ScheduledAt, b.Recipients, b.Blocked, tallies[b.Id], b.CreatedBy, b.CreatedAt))];
    }

    /// <summary>Friends the filter selects who have not blocked the bot, and the month's quota.</summary>
    public async Task<BroadcastEstimate> EstimateAsync(int botId, MemberFilter? filter, CancellationToken ct)
    {
        var audience = filter ?? MemberFilter.All;
        var recipients = audience.Blocked == true ? 0 : await search.CountAsync(botId, audience with { Blocked = false }, ct);
        return new BroadcastEstimate(recipients, await QuotaAsync(botId, ct));
    }

    /// <summary>How long the estimate waits for LINE's quota: a slow or unreachable LINE shows 不明 instead of holding the page.</summary>
    public static readonly TimeSpan QuotaWait = TimeSpan.FromSeconds(3);

    /// <summary>The month's quota, or null when the bot has no channel or LINE did not answer within <see cref="QuotaWait"/>.</summary>
    public async Task<LineQuota?> QuotaAsync(int botId, CancellationToken ct)
    {
        if (await channels.AccessTokenAsync(botId, ct) is not { } token) return null;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(QuotaWait);
        try
        {
            return await messenger.QuotaAsync(token, wait.Token);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            return null; // shown as "unknown"; sending does not depend on it
        }
    }

    /// <summary>Saves the broadcast (its content as an immutable message); a "now" one is planned and sent at once. Errors are Japanese.</summary>
    public async Task<(long? Id, IReadOnlyList<string> Errors)> CreateAsync(int botId, BroadcastRequest request, string createdBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = new List<string>();
        var title = request.Title?.Trim();
        if (string.IsNullOrEmpty(title)) errors.Add("配信名を入力してください。");
        else if (title.Length > TitleMax) errors.Add($"配信名は{TitleMax}文字以内で入力してください。");
        errors.AddRange(request.Content.Problems());
        if (request.ScheduledAt is { } at && at <= now)
            errors.Add($"予約日時が過去です({JapanTime.ToJst(at):yyyy/MM/dd HH:mm})。これから先の日時を指定してください。");
        if (request.Filter?.Problems() is { Count: > 0 } problems) errors.AddRange(problems);
        if (errors.Count > 0) return (null, errors);

        await using var db = await dbs.CreateDbContextAsync(ct);
        var message = new StoredMessage { BotId = botId, ContentJson = request.Content.ToJson(), CreatedAt = now };
        db.StoredMessages.Add(message);
        await db.SaveChangesAsync(ct);
        var broadcast = new Broadcast
        {
            BotId = botId, Title = title!, MessageId = message.Id, FilterJson = request.Filter is null || request.Filter == MemberFilter.All ? null : request.Filter.ToJson(),
            ScheduledAt = request.ScheduledAt ?? now, State = BroadcastState.Scheduled, CreatedBy = createdBy, CreatedAt = now,
        };
        db.Broadcasts.Add(broadcast);
        await db.SaveChangesAsync(ct);
        if (request.ScheduledAt is null)
        {
            await planner.PlanAsync(botId, now, ct);
            signal.Wake(botId);
        }
        live.Publish(new DeliveriesChanged(botId));
        return (broadcast.Id, []);
    }

    /// <summary>Cancels a scheduled or sending broadcast: nothing more is sent (pending rows → Skipped / Stopped). False when it had finished.</summary>
    public async Task<bool> CancelAsync(int botId, long broadcastId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cancelled = await db.Broadcasts
            .Where(b => b.Id == broadcastId && b.BotId == botId && (b.State == BroadcastState.Scheduled || b.State == BroadcastState.Sending || b.State == BroadcastState.Draft))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, BroadcastState.Cancelled).SetProperty(b => b.CancelledAt, now), ct);
        if (cancelled == 0) return false;
        await db.Deliveries
            .Where(d => d.BotId == botId && d.Source == DeliverySource.Broadcast && d.SourceId == broadcastId && d.State == DeliveryState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Skipped).SetProperty(d => d.SkipReason, DeliverySkipReason.Stopped), ct);
        await tx.CommitAsync(ct);
        live.Publish(new DeliveriesChanged(botId));
        return true;
    }
}
