using Bunit;
using Ecai.Domain.Tags;
using Ecai.Web.Components.Pages.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Web.Components;

public sealed class TagRulesPageTests : ComponentTest
{
    private async Task<(int Bot, int Tag)> BotWithTagAsync()
    {
        var bot = await SignedInBotAsync();
        await using var db = Db.CreateDbContext();
        var tag = new Tag { BotId = bot, Name = "連携済", CreatedAt = Now };
        db.Tags.Add(tag);
        await db.SaveChangesAsync();
        return (bot, tag.Id);
    }

    [Fact]
    public async Task Rules_are_listed_in_japanese_and_a_rule_without_a_tag_is_refused()
    {
        var (bot, tag) = await BotWithTagAsync();
        Assert.Empty(await Services.GetRequiredService<TagRules>().AddAsync(
            new TagRule { BotId = bot, TagId = tag, Kind = TagRuleKind.BirthdayRange, FromMonthDay = 1220, ToMonthDay = 110 }, CancellationToken.None));
        var page = Render<TagRulesPage>();

        var list = page.WaitForElement("[data-testid=rule-list]").TextContent;
        Assert.Contains("連携済", list);
        Assert.Contains("誕生日が12/20〜01/10 → タグを付ける", list);

        page.Find("[data-testid=rule-add]").Click();

        page.WaitForAssertion(() => Assert.Equal("タグを選んでください。", page.Find("[data-testid=rule-error]").TextContent.Trim()));
        await using var db = Db.CreateDbContext();
        Assert.Equal(1, await db.TagRules.CountAsync());
    }

    [Fact]
    public async Task Switching_a_rule_off_is_saved()
    {
        var (bot, tag) = await BotWithTagAsync();
        await Services.GetRequiredService<TagRules>().AddAsync(new TagRule { BotId = bot, TagId = tag, Kind = TagRuleKind.CartLinked }, CancellationToken.None);
        var page = Render<TagRulesPage>();

        page.WaitForElement("[data-testid=rule-list] input[type=checkbox]").Change(false);

        await using var db = Db.CreateDbContext();
        page.WaitForAssertion(() => Assert.False(db.TagRules.AsNoTracking().Single().Enabled));
    }

    /// <summary>Clicks the listed rule's edit button once the list shows it, and waits for the form to hold it (on PostgreSQL a
    /// reload after a live event may still be running, so the click is handled after it).</summary>
    private static async Task EditTheRuleAsync(IRenderedComponent<TagRulesPage> page)
    {
        page.WaitForElement("[data-testid=rule-edit]");
        await page.InvokeAsync(() => page.Find("[data-testid=rule-edit]").Click());
        page.WaitForAssertion(() => Assert.Equal("ルールを編集", page.Find("[data-testid=rule-editor-title]").TextContent.Trim()));
    }

    private static AngleSharp.Dom.IElement Input(AngleSharp.Dom.IElement marked) =>
        marked.TagName is "INPUT" ? marked : marked.QuerySelector("input") ?? throw new InvalidOperationException("no input");

    [Fact]
    public async Task A_rule_is_edited_in_the_create_form_and_saving_says_how_many_members_it_tagged()
    {
        var (bot, tag) = await BotWithTagAsync();
        await Seed.MembersAsync(bot, 3);
        var rules = Services.GetRequiredService<TagRules>();
        var created = await rules.SaveAsync(new TagRule
        {
            BotId = bot, TagId = tag, Kind = TagRuleKind.PurchaseCount, Comparison = Comparison.AtLeast, Number = 1,
        }, CancellationToken.None);
        Assert.Equal(0, created.Changed);
        var page = Render<TagRulesPage>();

        await EditTheRuleAsync(page);
        var number = Input(page.Find("[data-testid=rule-number]"));
        Assert.Equal("1", number.GetAttribute("value"));
        number.Change("0");
        page.Find("[data-testid=rule-add]").Click();

        page.WaitForAssertion(() => Assert.Equal("3人にタグを付けました。", page.Find("[data-testid=rule-result]").TextContent.Trim()));
        Assert.Contains("購入回数が0回以上 → タグを付ける", page.Find("[data-testid=rule-list]").TextContent);
        Assert.Equal("ルールを追加", page.Find("[data-testid=rule-editor-title]").TextContent.Trim());
        await using var db = Db.CreateDbContext();
        Assert.Equal((1, 3), (await db.TagRules.CountAsync(), await db.MemberTags.CountAsync(t => t.TagId == tag)));
    }

    [Fact]
    public async Task A_bad_edit_shows_the_japanese_message_and_keeps_the_rule()
    {
        var (bot, tag) = await BotWithTagAsync();
        await Services.GetRequiredService<TagRules>().AddAsync(
            new TagRule { BotId = bot, TagId = tag, Kind = TagRuleKind.BirthdayRange, FromMonthDay = 1220, ToMonthDay = 110 }, CancellationToken.None);
        var page = Render<TagRulesPage>();

        await EditTheRuleAsync(page);
        Input(page.Find("[data-testid=rule-birthday-from]")).Change("13/45");
        page.Find("[data-testid=rule-add]").Click();

        page.WaitForAssertion(() => Assert.Equal("誕生日の範囲を月/日で指定してください(例: 12/20〜01/10)。", page.Find("[data-testid=rule-error]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=rule-result]"));
        await using var db = Db.CreateDbContext();
        Assert.Equal(1220, (await db.TagRules.SingleAsync()).FromMonthDay);
    }

    [Fact]
    public async Task Saving_a_rule_changed_elsewhere_meanwhile_is_refused_with_a_japanese_message_and_the_fresh_rule()
    {
        var (bot, tag) = await BotWithTagAsync();
        var rules = Services.GetRequiredService<TagRules>();
        await rules.SaveAsync(new TagRule { BotId = bot, TagId = tag, Kind = TagRuleKind.PurchaseCount, Comparison = Comparison.AtLeast, Number = 1 },
            CancellationToken.None);
        var page = Render<TagRulesPage>();
        await EditTheRuleAsync(page);
        Input(page.Find("[data-testid=rule-number]")).Change("0");

        var loaded = (await rules.ListAsync(bot, CancellationToken.None)).Single().Rule; // another operator saves the rule meanwhile
        Assert.True((await rules.SaveAsync(new TagRule
        {
            Id = loaded.Id, Version = loaded.Version, BotId = bot, TagId = tag, Kind = TagRuleKind.PurchaseCount, Comparison = Comparison.AtLeast, Number = 5,
        }, CancellationToken.None)).Saved);
        page.Find("[data-testid=rule-add]").Click();

        page.WaitForAssertion(() => Assert.Equal("このルールは他の操作で更新されました。最新の内容を表示しています。もう一度編集してください。",
            page.Find("[data-testid=rule-stale]").TextContent.Trim()));
        Assert.Equal("5", Input(page.Find("[data-testid=rule-number]")).GetAttribute("value"));
        Assert.Equal("ルールを編集", page.Find("[data-testid=rule-editor-title]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=rule-result]"));
        await using (var db = Db.CreateDbContext())
            Assert.Equal(5, (await db.TagRules.SingleAsync()).Number);

        Input(page.Find("[data-testid=rule-number]")).Change("2"); // edited again on the fresh rule: saved
        page.Find("[data-testid=rule-add]").Click();
        page.WaitForElement("[data-testid=rule-result]");
        Assert.Empty(page.FindAll("[data-testid=rule-stale]"));
        await using (var db = Db.CreateDbContext())
            Assert.Equal(2, (await db.TagRules.SingleAsync()).Number);
    }
}
