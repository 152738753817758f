using Ecai.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Messaging;

/// <summary>One row of a member's deliveries on 会員詳細. <see cref="Title"/> is the broadcast's title, else null (shown as the source id).</summary>
public sealed record MemberDeliveryRow(long Id, DeliverySource Source, long SourceId, string? Title, DateTimeOffset DueAt, DeliveryState State,
    DeliverySkipReason? SkipReason, string? Error, int Attempts, DateTimeOffset? SentAt);

/// <summary>The send ledger as 会員詳細 reads it: a member's deliveries, newest first, paged in SQL.</summary>
public sealed class Deliveries(IDbContextFactory<EcaiDb> dbs)
{
    public const int MaxPageSize = 100;

    public async Task<(IReadOnlyList<MemberDeliveryRow> Rows, int Total)> ForMemberAsync(int botId, long memberId, int skip, int take, CancellationToken ct)
    {
        take = Math.Clamp(take, 1, MaxPageSize);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var mine = db.Deliveries.Where(d => d.MemberId == memberId && d.BotId == botId);
        var total = await mine.CountAsync(ct);
        var rows = await mine.OrderByDescending(d => d.Id).Skip(skip).Take(take)
            .Select(d => new MemberDeliveryRow(d.Id, d.Source, d.SourceId,
                d.Source == DeliverySource.Broadcast ? db.Broadcasts.Where(b => b.Id == d.SourceId).Select(b => b.Title).FirstOrDefault() : null,
                d.DueAt, d.State, d.SkipReason, d.Error, d.Attempts, d.SentAt))
            .ToListAsync(ct);
        return (rows, total);
    }
}
