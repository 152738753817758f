using System.Data.Common;
using Ecai.Domain.Data;
using Ecai.Domain.Members;
using Ecai.Domain.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Tags;

/// <summary>An operator adds or removes one tag on one member (会員詳細), with its tag event (cause <see cref="TagCause.Operator"/>).</summary>
public sealed class MemberTagging(IDbContextFactory<EcaiDb> dbs, ILiveEvents live, TimeProvider clock)
{
    /// <summary>True when the member's tags changed (adding a tag it has, or removing one it lacks, changes nothing).</summary>
    public async Task<bool> SetAsync(int botId, long memberId, int tagId, bool add, CancellationToken ct)
    {
        await using var context = await dbs.CreateDbContextAsync(ct);
        await context.Database.OpenConnectionAsync(ct);
        var db = context.Database.GetDbConnection();
        await using var tx = await db.BeginTransactionAsync(ct);
        (string, object?)[] args = [("@bot", botId), ("@member", memberId), ("@tag", tagId), ("@now", clock.GetUtcNow().UtcTicks)];
        // Both the member and the tag must be the bot's.
        var changed = await TagChanges.ApplyAsync(db, tx,
            "m.Id = @member AND m.BotId = @bot AND EXISTS (SELECT 1 FROM Tags t WHERE t.Id = @tag AND t.BotId = @bot)", add, TagCause.Operator, args, ct);
        await tx.CommitAsync(ct);
        if (changed > 0) live.Publish(new MemberChanged(botId, memberId));
        return changed > 0;
    }
}
