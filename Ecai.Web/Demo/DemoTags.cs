using Ecai.Domain.Tags;

namespace Ecai.Web.Demo;

/// <summary>Demo mode's tags in folders and the タグの自動設定 that fill them on the first pull.</summary>
public static class DemoTags
{
    public static async Task SeedAsync(IServiceProvider services, int botId)
    {
        var catalog = services.GetRequiredService<TagCatalog>();
        var rules = services.GetRequiredService<TagRules>();
        async Task<int> TagAsync(string name, string folder) =>
            (await catalog.CreateAsync(botId, name, folder, CancellationToken.None)).TagId
            ?? throw new InvalidOperationException($"Demo tag {name} was not created.");
        async Task RuleAsync(TagRule rule)
        {
            rule.BotId = botId;
            var errors = await rules.AddAsync(rule, CancellationToken.None);
            if (errors.Count > 0) throw new InvalidOperationException("Demo tag rule: " + string.Join(" ", errors));
        }

        await RuleAsync(new TagRule { TagId = await TagAsync("カート連携済", "連携"), Kind = TagRuleKind.CartLinked });
        await RuleAsync(new TagRule { TagId = await TagAsync("購入者", "購入状況"), Kind = TagRuleKind.PurchaseCount, Comparison = Comparison.GreaterThan, Number = 0 });
        await RuleAsync(new TagRule { TagId = await TagAsync("リピーター(3回以上)", "購入状況"), Kind = TagRuleKind.PurchaseCount, Comparison = Comparison.AtLeast, Number = 3 });
        await RuleAsync(new TagRule { TagId = await TagAsync("定期継続中", "購入状況"), Kind = TagRuleKind.ContinuationStatus, Status = Ecai.Domain.Carts.ContinuationStatus.Active });
        await RuleAsync(new TagRule { TagId = await TagAsync("誕生月", "誕生日"), Kind = TagRuleKind.BirthMonth });
        await RuleAsync(new TagRule { TagId = await TagAsync("年末年始生まれ", "誕生日"), Kind = TagRuleKind.BirthdayRange, FromMonthDay = 1220, ToMonthDay = 110 });
        await TagAsync("キャンペーン対象", "施策");
    }
}
