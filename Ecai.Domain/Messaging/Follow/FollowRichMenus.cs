using Ecai.Domain.Data;
using Ecai.Domain.Line;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Messaging.Follow;

/// <summary>
/// The HTTP half of the "change rich menu" action: <see cref="FollowDeliverySource.AfterSentAsync"/> records what to link
/// inside the dispatcher's transaction (no HTTP there); this links it right after, row by row, marking each
/// <see cref="FollowAction.RichMenuLinkedAt"/>. A refused or failed call is retried on the next run, up to
/// <see cref="MaxAttempts"/> times. Linking the same menu twice is harmless, so a crash between the call and the mark is too.
/// </summary>
public sealed class FollowRichMenus(IDbContextFactory<EcaiDb> dbs, LineChannels channels, ILineMessenger messenger, TimeProvider clock)
{
    public const int MaxAttempts = 5;
    private const int Batch = 500;

    /// <summary>Links the bot's recorded rich menus that are not linked yet; returns how many were linked.</summary>
    public async Task<int> LinkPendingAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var pending = await (from a in db.Set<FollowAction>()
                             join m in db.Members on a.MemberId equals m.Id
                             where a.BotId == botId && a.RichMenuId != null && a.RichMenuLinkedAt == null && a.RichMenuAttempts < MaxAttempts
                             orderby a.DeliveryId
                             select new { a.DeliveryId, a.RichMenuId, m.LineUserId }).Take(Batch).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        if (await channels.AccessTokenAsync(botId, ct) is not { } token) return 0;
        var linked = 0;
        foreach (var row in pending)
        {
            bool ok;
            string? error = null;
            try { ok = await messenger.LinkRichMenuAsync(token, row.LineUserId, row.RichMenuId!, ct); }
            catch (HttpRequestException e) { ok = false; error = e.Message; }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { ok = false; error = "timeout"; }
            var now = clock.GetUtcNow();
            if (ok) linked++;
            var rows = db.Set<FollowAction>().Where(a => a.DeliveryId == row.DeliveryId);
            if (ok)
                await rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.RichMenuLinkedAt, now).SetProperty(a => a.RichMenuAttempts, a => a.RichMenuAttempts + 1)
                    .SetProperty(a => a.RichMenuError, (string?)null), ct);
            else
                await rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.RichMenuAttempts, a => a.RichMenuAttempts + 1)
                    .SetProperty(a => a.RichMenuError, error ?? "リッチメニューを設定できませんでした。"), ct);
        }
        return linked;
    }
}
