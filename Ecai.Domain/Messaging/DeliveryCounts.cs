using Ecai.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Messaging;

/// <summary>How one message's deliveries stand: 送信済み / 失敗 / 送信待ち / 送信しない (skipped, blocked counted apart).</summary>
public sealed record DeliveryTally(long Sent, long Failed, long Pending, long Skipped, long Blocked)
{
    public static readonly DeliveryTally None = new(0, 0, 0, 0, 0);
}

/// <summary>Per-message counts of the send ledger, one grouped query over Deliveries(Source, SourceId, State).</summary>
public sealed class DeliveryCounts(IDbContextFactory<EcaiDb> dbs)
{
    /// <summary>The tally of every given source id (a step, a follow scenario, a broadcast); ids without deliveries get <see cref="DeliveryTally.None"/>.</summary>
    public async Task<IReadOnlyDictionary<long, DeliveryTally>> ForAsync(int botId, DeliverySource source, IReadOnlyCollection<long> sourceIds, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Deliveries
            .Where(d => d.Source == source && sourceIds.Contains(d.SourceId) && d.BotId == botId)
            .GroupBy(d => new { d.SourceId, d.State, Blocked = d.SkipReason == DeliverySkipReason.Blocked })
            .Select(g => new { g.Key.SourceId, g.Key.State, g.Key.Blocked, Count = g.LongCount() })
            .ToListAsync(ct);
        return sourceIds.ToDictionary(id => id, id =>
        {
            long Of(DeliveryState state, bool blocked = false) =>
                rows.Where(r => r.SourceId == id && r.State == state && r.Blocked == blocked).Sum(r => r.Count);
            return new DeliveryTally(Of(DeliveryState.Sent), Of(DeliveryState.Failed), Of(DeliveryState.Pending),
                Of(DeliveryState.Skipped), Of(DeliveryState.Skipped, blocked: true));
        });
    }
}
