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
}
