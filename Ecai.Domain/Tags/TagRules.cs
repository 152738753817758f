using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Tags;

/// <summary>A rule as the list shows it: its tag's name and its condition in Japanese.</summary>
public sealed record TagRuleView(TagRule Rule, string TagName, string Description);

/// <summary>What saving a rule did: the refusals (Japanese; nothing saved when any), stale (<see cref="Fresh"/>), else how many
/// members the rule tagged (or untagged, for a removing rule) when it ran at once.</summary>
public sealed record TagRuleSaveResult(IReadOnlyList<string> Errors, long Changed)
{
    /// <summary>The rule as it is now, when the save was refused because it changed since the form loaded it (nothing was written).</summary>
    public TagRule? Fresh { get; init; }
    public bool IsStale => Fresh is not null;
    public bool Saved => Errors.Count == 0 && !IsStale;
}

/// <summary>
/// タグの自動設定: create, edit, list, switch and delete rules. A saved or switched-on rule runs at once for the
/// bot, so its effect shows without waiting for the sweep.
/// </summary>
public sealed class TagRules(IDbContextFactory<EcaiDb> dbs, TagRuleEngine engine, TimeProvider clock)
{
    public const string Deleted = "このルールは削除されています。一覧を読み込み直してください。";

    private static TagRuleSaveResult Stale(TagRule fresh) => new([], 0) { Fresh = fresh };

    public async Task<IReadOnlyList<TagRuleView>> ListAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rules = await (from r in db.TagRules join t in db.Tags on r.TagId equals t.Id
                           where r.BotId == botId orderby r.Id select new { r, t.Name }).AsNoTracking().ToListAsync(ct);
        var connections = await db.CartConnections.Where(c => c.BotId == botId).ToDictionaryAsync(c => c.Id, c => c.Kind, ct);
        var products = await (from p in db.CartProducts join k in db.CartConnections on p.ConnectionId equals k.Id
                              where k.BotId == botId select new { p.Code, p.Name }).ToListAsync(ct);
        return rules.Select(x => new TagRuleView(x.r, x.Name, Describe(x.r,
            x.r.ConnectionId is { } id && connections.TryGetValue(id, out var kind) ? CartNames.Of(kind) : null,
            products.FirstOrDefault(p => p.Code == x.r.Text)?.Name))).ToList();
    }

    /// <summary>Validates and saves a new rule, then runs it for the bot. Errors are Japanese; nothing is saved on errors.</summary>
    public async Task<IReadOnlyList<string>> AddAsync(TagRule rule, CancellationToken ct)
    {
        rule.Id = 0;
        return (await SaveAsync(rule, ct)).Errors;
    }

    /// <summary>
    /// Saves a new rule (<c>Id</c> 0, switched on) or the condition, tag and action of an existing one (its switch and creation
    /// time stay), validated alike, then runs that rule at once set-wise and returns how many members it tagged. Tags an edited
    /// rule set before stay, as on deletion. Errors are Japanese; nothing is saved on errors. An edit carries the
    /// <see cref="TagRule.Version"/> the form loaded: when the rule changed since, nothing is written and the result carries
    /// the fresh rule.
    /// </summary>
    public async Task<TagRuleSaveResult> SaveAsync(TagRule rule, CancellationToken ct)
    {
        var errors = Validate(rule);
        int ruleId;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            TagRule? existing = null;
            if (rule.Id != 0 && (existing = await db.TagRules.SingleOrDefaultAsync(r => r.Id == rule.Id && r.BotId == rule.BotId, ct)) is null)
                return new TagRuleSaveResult([Deleted], 0);
            if (existing is not null && existing.Version != rule.Version) return Stale(existing);
            if (!await db.Tags.AnyAsync(t => t.Id == rule.TagId && t.BotId == rule.BotId, ct)) errors.Add("タグを選んでください。");
            if (rule.ConnectionId is { } id && !await db.CartConnections.AnyAsync(c => c.Id == id && c.BotId == rule.BotId, ct))
                errors.Add("カートが見つかりません。");
            if (errors.Count > 0) return new TagRuleSaveResult(errors, 0);
            if (existing is null)
            {
                rule.CreatedAt = clock.GetUtcNow();
                rule.Enabled = true;
                db.TagRules.Add(rule);
            }
            else
            {
                existing.TagId = rule.TagId;
                existing.Action = rule.Action;
                existing.Kind = rule.Kind;
                existing.Comparison = rule.Comparison;
                existing.Number = rule.Number;
                existing.Text = rule.Text;
                existing.Status = rule.Status;
                existing.ConnectionId = rule.ConnectionId;
                existing.FromMonthDay = rule.FromMonthDay;
                existing.ToMonthDay = rule.ToMonthDay;
                db.ExpectVersion(existing, rule.Version);
            }
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) // changed (or deleted) between the read above and this write
            {
                await using var again = await dbs.CreateDbContextAsync(ct);
                var fresh = await again.TagRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rule.Id && r.BotId == rule.BotId, ct);
                return fresh is null ? new TagRuleSaveResult([Deleted], 0) : Stale(fresh);
            }
            ruleId = existing?.Id ?? rule.Id;
        }
        return new TagRuleSaveResult(errors, await engine.RunRuleAsync(rule.BotId, ruleId, ct));
    }

    public async Task SetEnabledAsync(int botId, int ruleId, bool enabled, CancellationToken ct)
    {
        await using (var db = await dbs.CreateDbContextAsync(ct))
            await db.TagRules.Where(r => r.Id == ruleId && r.BotId == botId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Enabled, enabled), ct);
        if (enabled) await engine.RunBotAsync(botId, ct);
    }

    /// <summary>Deletes the rule; tags it already set stay (the operator removes them with 一括タグ if wanted).</summary>
    public async Task DeleteAsync(int botId, int ruleId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.TagRules.Where(r => r.Id == ruleId && r.BotId == botId).ExecuteDeleteAsync(ct);
    }

    public static List<string> Validate(TagRule rule)
    {
        var errors = new List<string>();
        switch (rule.Kind)
        {
            case TagRuleKind.PurchaseCount when rule.Comparison is null || rule.Number is null or < 0 or > 100_000:
                errors.Add("購入回数の条件(比較と0以上の回数)を指定してください。");
                break;
            case TagRuleKind.Product when string.IsNullOrWhiteSpace(rule.Text):
                errors.Add("商品を選んでください。");
                break;
            case TagRuleKind.Course when string.IsNullOrWhiteSpace(rule.Text):
                errors.Add("コースを選んでください。");
                break;
            case TagRuleKind.ContinuationStatus when rule.Status is null or ContinuationStatus.Unspecified:
                errors.Add("継続ステータスを選んでください。");
                break;
            case TagRuleKind.BirthdayRange when rule.FromMonthDay is not { } from || rule.ToMonthDay is not { } to
                                              || !Members.MemberFilter.IsMonthDay(from) || !Members.MemberFilter.IsMonthDay(to):
                errors.Add("誕生日の範囲を月/日で指定してください(例: 12/20〜01/10)。");
                break;
        }
        if (!Enum.IsDefined(rule.Kind)) errors.Add("条件の種類を選んでください。");
        return errors;
    }

    /// <summary>The rule in the operator's words, e.g. 「購入回数が0回より多い → タグを付ける」.</summary>
    public static string Describe(TagRule rule, string? cartName, string? productName)
    {
        var cart = cartName is null ? "" : $"{cartName}で";
        var condition = rule.Kind switch
        {
            TagRuleKind.PurchaseCount => $"購入回数が{rule.Number}回{rule.Comparison switch
            {
                Comparison.GreaterThan => "より多い",
                Comparison.AtLeast => "以上",
                Comparison.Equal => "ちょうど",
                Comparison.AtMost => "以下",
                _ => "未満",
            }}",
            TagRuleKind.Product => $"{cart}商品「{productName ?? rule.Text}」を購入",
            TagRuleKind.Course => $"{cart}コース「{rule.Text}」を購入",
            TagRuleKind.ContinuationStatus => $"継続ステータスが「{rule.Status switch
            {
                ContinuationStatus.Active => "継続",
                ContinuationStatus.Paused => "停止",
                _ => "解約",
            }}」",
            TagRuleKind.CartLinked => cartName is null ? "カート連携時" : $"{cartName}と連携時",
            TagRuleKind.BirthdayRange => $"誕生日が{rule.FromMonthDay / 100:00}/{rule.FromMonthDay % 100:00}〜{rule.ToMonthDay / 100:00}/{rule.ToMonthDay % 100:00}",
            TagRuleKind.BirthMonth => "誕生月(毎月1日0時に切り替え)",
            _ => "",
        };
        return condition + (rule.Action == TagRuleAction.Add ? " → タグを付ける" : " → タグを外す");
    }
}
