using System.Data.Common;
using Ecai.Domain.Data;
using Ecai.Domain.Jobs;
using Ecai.Domain.Members;
using Ecai.Domain.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Tags;

/// <summary>Add or remove one tag on every member a filter selects.</summary>
public sealed record BulkTagRequest(int BotId, MemberFilter Filter, int TagId, TagRuleAction Action);

/// <summary>
/// 一括タグ: applies a tag to the members a <see cref="MemberFilter"/> selects, set-wise in SQL, in member-id
/// slices of <see cref="Slice"/> so a large set shows progress and a crash keeps what was committed (running it
/// again finishes the rest: a member never gets a tag twice). Each member whose tags change gets a tag event
/// with cause <see cref="TagCause.Bulk"/>, in the same transaction.
/// </summary>
public sealed class BulkTags(IDbContextFactory<EcaiDb> dbs, ILiveEvents live, TimeProvider clock)
{
    public const int Slice = 20_000;

    /// <summary>The tag's name, or null when it is not the bot's (the caller refuses the request).</summary>
    public async Task<string?> TagNameAsync(int botId, int tagId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Tags.Where(t => t.Id == tagId && t.BotId == botId).Select(t => t.Name).FirstOrDefaultAsync(ct);
    }

    /// <summary>Applies the request; returns how many members' tags changed.</summary>
    public async Task<long> RunAsync(BulkTagRequest request, IJobProgress progress, CancellationToken ct)
    {
        if (await TagNameAsync(request.BotId, request.TagId, ct) is null) throw new InvalidOperationException("タグが見つかりません。");
        await using var context = await dbs.CreateDbContextAsync(ct);
        var (where, filterArgs) = MemberFilterSql.Compile(context.Dialect, request.BotId, request.Filter);
        await context.Database.OpenConnectionAsync(ct);
        var db = context.Database.GetDbConnection();

        var total = await SqlBatch.ScalarAsync(db, null, $"SELECT count(*) FROM Members m WHERE {where}", ct, [.. filterArgs]);
        var lowest = await SqlBatch.ScalarAsync(db, null, "SELECT coalesce(min(Id), 0) FROM Members WHERE BotId = @bot", ct, ("@bot", request.BotId));
        var highest = await SqlBatch.ScalarAsync(db, null, "SELECT coalesce(max(Id), -1) FROM Members WHERE BotId = @bot", ct, ("@bot", request.BotId));
        progress.Report(0, total);

        long done = 0, changed = 0;
        for (var from = lowest; from <= highest; from += Slice)
        {
            ct.ThrowIfCancellationRequested();
            (string, object?)[] args = [.. filterArgs, ("@tag", request.TagId), ("@now", clock.GetUtcNow().UtcTicks), ("@from", from), ("@to", from + Slice)];
            var slice = $"{where} AND m.Id >= @from AND m.Id < @to";
            await using var tx = await db.BeginTransactionAsync(ct);
            done += await SqlBatch.ScalarAsync(db, tx, $"SELECT count(*) FROM Members m WHERE {slice}", ct, args);
            changed += await TagChanges.ApplyAsync(db, tx, slice, request.Action == TagRuleAction.Add, TagCause.Bulk, args, ct);
            await tx.CommitAsync(ct);
            progress.Report(done, total);
        }
        live.Publish(new DashboardChanged(request.BotId));
        return changed;
    }
}
