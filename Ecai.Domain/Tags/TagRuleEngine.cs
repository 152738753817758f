using System.Data.Common;
using Ecai.Domain.Data;
using Ecai.Domain.Jobs;
using Ecai.Domain.Members;
using Ecai.Domain.Realtime;
using Ecai.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Tags;

/// <summary>
/// Runs タグの自動設定: each enabled rule adds (or removes) its tag on the members its condition selects, set-wise
/// in SQL, with one tag event (cause <see cref="TagCause.Rule"/>) per member whose tags change, in the same
/// transaction. Runs after the events that can change a rule's outcome (a pull's import and linking, a
/// webhook import, a member's details saved) and in the quarter-hourly sweep as a safety net. A member is
/// never tagged twice; a run that finds nothing to change writes nothing.
/// </summary>
public sealed class TagRuleEngine(IDbContextFactory<EcaiDb> dbs, ILiveEvents live, TimeProvider clock)
{
    /// <summary>Runs every enabled rule of the bot over all its members; returns the number of tag changes.</summary>
    public async Task<long> RunBotAsync(int botId, CancellationToken ct, IJobProgress? progress = null)
    {
        await using var context = await dbs.CreateDbContextAsync(ct);
        await context.Database.OpenConnectionAsync(ct);
        var db = context.Database.GetDbConnection();
        var rules = await context.TagRules.AsNoTracking().Where(r => r.BotId == botId && r.Enabled).OrderBy(r => r.Id).ToListAsync(ct);
        long changes = 0, done = 0;
        progress?.Report(0, rules.Count, "タグの自動設定");
        // Purchase-count rules all read one temp table (this connection's) of every member's order count, filled in one
        // grouped pass over the links, instead of summing each member's customers per rule. Each rule commits on its own.
        string? totals = null;
        if (rules.Any(r => r.Kind == TagRuleKind.PurchaseCount))
        {
            totals = "RulePurchaseTotals";
            await SqlBatch.ExecuteAsync(db, null, $"DROP TABLE IF EXISTS {totals}", ct);
            await SqlBatch.ExecuteAsync(db, null,
                $"CREATE TEMP TABLE {totals} (MemberId {context.Dialect.IdKey}, Orders BIGINT NOT NULL, Amount BIGINT NOT NULL)", ct);
            await SqlBatch.ExecuteAsync(db, null, $"INSERT INTO {totals} (MemberId, Orders, Amount) {MemberFilterSql.PurchaseTotals}", ct, ("@bot", botId));
        }
        try
        {
            foreach (var rule in rules)
            {
                await using var tx = await db.BeginTransactionAsync(ct);
                changes += await ApplyAsync(db, tx, rule, memberId: null, ct, totals);
                await tx.CommitAsync(ct);
                progress?.Report(++done, rules.Count, "タグの自動設定");
            }
        }
        finally
        {
            if (totals is not null) await SqlBatch.ExecuteAsync(db, null, $"DROP TABLE IF EXISTS {totals}", CancellationToken.None);
        }
        if (changes > 0) live.Publish(new DashboardChanged(botId));
        return changes;
    }

    /// <summary>
    /// Runs one saved rule over all the bot's members, set-wise like the sweep; returns how many members it tagged (or, for a
    /// removing rule, untagged) in this run. A switched-off rule does nothing.
    /// </summary>
    public async Task<long> RunRuleAsync(int botId, int ruleId, CancellationToken ct)
    {
        await using var context = await dbs.CreateDbContextAsync(ct);
        var rule = await context.TagRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == ruleId && r.BotId == botId && r.Enabled, ct);
        if (rule is null) return 0;
        await context.Database.OpenConnectionAsync(ct);
        var db = context.Database.GetDbConnection();
        await using var tx = await db.BeginTransactionAsync(ct);
        var (main, total) = await ApplyCountedAsync(db, tx, rule, memberId: null, ct);
        await tx.CommitAsync(ct);
        if (total > 0) live.Publish(new DashboardChanged(botId));
        return main;
    }

    /// <summary>Runs the bot's rules for one member inside the caller's transaction (its details just changed).</summary>
    internal async Task<long> RunMemberAsync(DbConnection db, DbTransaction tx, int botId, long memberId, CancellationToken ct)
    {
        long changes = 0;
        await using var context = await dbs.CreateDbContextAsync(ct);
        var rules = await context.TagRules.AsNoTracking().Where(r => r.BotId == botId && r.Enabled).OrderBy(r => r.Id).ToListAsync(ct);
        foreach (var rule in rules) changes += await ApplyAsync(db, tx, rule, memberId, ct);
        return changes;
    }

    /// <summary>One rule: events for the members whose tag changes, then the change itself from those events.</summary>
    private async Task<long> ApplyAsync(DbConnection db, DbTransaction tx, TagRule rule, long? memberId, CancellationToken ct,
        string? purchaseTotals = null) => (await ApplyCountedAsync(db, tx, rule, memberId, ct, purchaseTotals)).Total;

    /// <summary>One rule; <c>Main</c> counts the changes of the rule's own action, <c>Total</c> adds a birth-month rule's removals.</summary>
    private async Task<(long Main, long Total)> ApplyCountedAsync(DbConnection db, DbTransaction tx, TagRule rule, long? memberId,
        CancellationToken ct, string? purchaseTotals = null)
    {
        var (where, filterArgs) = MemberFilterSql.Compile(SqlDialect.Of(db), rule.BotId, Condition(rule, JapanTime.Today(clock)), purchaseTotals);
        var wholeBot = memberId is null;
        var scope = wholeBot ? "" : " AND m.Id = @member";
        (string, object?)[] args = [.. filterArgs, ("@tag", rule.TagId), ("@now", clock.GetUtcNow().UtcTicks), ("@member", memberId)];
        if (rule.Action == TagRuleAction.Remove)
        {
            var removed = await TagChanges.ApplyAsync(db, tx, where + scope, add: false, TagCause.Rule, args, ct, wholeBot);
            return (removed, removed);
        }
        var added = await TagChanges.ApplyAsync(db, tx, where + scope, add: true, TagCause.Rule, args, ct, wholeBot);
        var changes = added;
        // A birth-month tag is this month's: on the 1st (JST) last month's members lose it.
        if (rule.Kind == TagRuleKind.BirthMonth)
            changes += await TagChanges.ApplyAsync(db, tx, $"m.BotId = @bot{scope} AND NOT ({where})", add: false, TagCause.Rule, args, ct, wholeBot);
        return (added, changes);
    }

    /// <summary>The members a rule's condition selects, as a <see cref="MemberFilter"/> (birth month: this JST month).</summary>
    public static MemberFilter Condition(TagRule rule, DateOnly todayJst) => rule.Kind switch
    {
        TagRuleKind.PurchaseCount => rule.Comparison switch
        {
            Comparison.GreaterThan => new MemberFilter { PurchaseCountMin = (int)(rule.Number ?? 0) + 1 },
            Comparison.AtLeast => new MemberFilter { PurchaseCountMin = (int)(rule.Number ?? 0) },
            Comparison.Equal => new MemberFilter { PurchaseCountMin = (int)(rule.Number ?? 0), PurchaseCountMax = (int)(rule.Number ?? 0) },
            Comparison.AtMost => new MemberFilter { PurchaseCountMax = (int)(rule.Number ?? 0) },
            _ => new MemberFilter { PurchaseCountMax = (int)(rule.Number ?? 0) - 1 },
        },
        TagRuleKind.Product => new MemberFilter { ProductCode = rule.Text, PurchaseConnectionId = rule.ConnectionId },
        TagRuleKind.Course => new MemberFilter { CourseName = rule.Text, PurchaseConnectionId = rule.ConnectionId },
        TagRuleKind.ContinuationStatus => new MemberFilter { Status = rule.Status },
        TagRuleKind.CartLinked => new MemberFilter { Link = LinkState.Linked, LinkConnectionId = rule.ConnectionId },
        TagRuleKind.BirthdayRange => new MemberFilter { BirthdayFrom = rule.FromMonthDay, BirthdayTo = rule.ToMonthDay },
        TagRuleKind.BirthMonth => new MemberFilter { BirthMonth = todayJst.Month },
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Unknown tag rule kind."),
    };
}
