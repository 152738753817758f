using Bunit;
using Ecai.Web.Components;
using Ecai.Web.Components.Layout;
using Ecai.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Web.Components;

public sealed class LayoutTests : ComponentTest
{
    private static readonly RenderFragment PageBody = b => b.AddMarkupContent(0, "<p data-testid=\"page-body\">本文</p>");

    [Fact]
    public async Task Shows_the_operator_the_current_bot_the_Japanese_navigation_and_the_page()
    {
        await SignedInBotAsync("本店");

        var layout = Render<MainLayout>(p => p.Add(x => x.Body, PageBody));

        layout.WaitForAssertion(() => Assert.NotNull(layout.Find("[data-testid=page-body]")));
        Assert.Contains("ECAI", layout.Find(".mud-appbar").TextContent);
        Assert.Equal("運用 太郎", layout.Find("[data-testid=operator-name]").TextContent.Trim());
        Assert.Contains("本店", layout.Find("[data-testid=bot-switcher]").TextContent);
        Assert.Equal(["ホーム", "会員リスト", "連携状況", "タグリスト", "タグの自動設定", "1:1トーク", "一斉配信", "ステップメッセージ", "引上フォローメッセージ", "外部連携", "ジョブリスト", "LINE設定"], layout.FindAll(".mud-nav-link").Select(l => l.TextContent.Trim()));
        var logout = layout.Find("form[action='/account/logout']");
        Assert.Equal("post", logout.GetAttribute("method"));
        Assert.Contains("ログアウト", logout.TextContent);
        Assert.NotNull(logout.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.NotNull(layout.Find("[data-testid=interactive-ready]"));
    }

    [Fact]
    public async Task An_operator_without_a_bot_is_told_what_to_do_and_sees_no_page()
    {
        SignIn(await Seed.OperatorAsync("op-lonely"));
        await Seed.BotAsync("他人のショップ");

        var layout = Render<MainLayout>(p => p.Add(x => x.Body, PageBody));

        layout.WaitForAssertion(() => Assert.Contains("BOT)がありません", layout.Find("[data-testid=no-bot]").TextContent));
        Assert.Empty(layout.FindAll("[data-testid=page-body]"));
        Assert.Empty(layout.FindAll("[data-testid=bot-switcher]"));
    }

    [Fact]
    public async Task The_ready_marker_appears_only_on_an_interactive_circuit()
    {
        await SignedInBotAsync();
        SetRendererInfo(new RendererInfo("Static", false));

        var layout = Render<MainLayout>(p => p.Add(x => x.Body, PageBody));

        layout.WaitForAssertion(() => Assert.NotNull(layout.Find("[data-testid=page-body]")));
        Assert.Empty(layout.FindAll("[data-testid=interactive-ready]"));
    }

    [Fact]
    public async Task The_bot_switcher_lists_only_granted_bots_and_switches_the_page_to_the_chosen_bot()
    {
        var op = await Seed.OperatorAsync("op-1");
        var first = await Seed.BotAsync("本店");
        var second = await Seed.BotAsync("2号店");
        await Seed.BotAsync("他社ショップ");
        await Seed.GrantAsync(op, first);
        await Seed.GrantAsync(op, second);
        await Seed.MembersAsync(first, 1);
        await Seed.MembersAsync(second, 2);
        SignIn(op);
        RenderFragment home = b => { b.OpenComponent<Home>(0); b.CloseComponent(); };

        var layout = Render<MainLayout>(p => p.Add(x => x.Body, home));
        layout.WaitForAssertion(() => Assert.Equal("1", layout.Find("[data-testid=total-friends]").TextContent.Trim()));

        layout.Find("[data-testid=bot-switcher] button").Click();
        var items = layout.WaitForElements(".mud-menu-item");
        Assert.Equal(["本店", "2号店"], items.Select(i => i.TextContent.Trim()));
        items[1].Click();

        layout.WaitForAssertion(() =>
        {
            Assert.Contains("2号店", layout.Find("[data-testid=bot-switcher]").TextContent);
            Assert.Equal("2", layout.Find("[data-testid=total-friends]").TextContent.Trim());
        });
        Assert.Equal(second, Services.GetRequiredService<BotContext>().Current?.Id);
    }

    [Fact]
    public async Task A_page_rechecks_access_and_shows_nothing_once_the_grant_is_gone()
    {
        var bot = await SignedInBotAsync();
        await Seed.MembersAsync(bot, 3);
        await Services.GetRequiredService<BotContext>().EnsureLoadedAsync();
        await using (var db = Db.CreateDbContext())
            await db.OperatorBots.ExecuteDeleteAsync();

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Contains("開く権限がありません", page.Markup));
        Assert.Empty(page.FindAll("[data-testid=total-friends]"));
    }

    [Fact]
    public async Task The_bot_context_refuses_a_bot_that_was_not_granted()
    {
        await SignedInBotAsync("本店");
        var foreign = await Seed.BotAsync("他社ショップ");
        var context = Services.GetRequiredService<BotContext>();

        Assert.False(await context.SelectAsync(foreign, CancellationToken.None));
        Assert.Equal("本店", context.Current?.Name);
    }
}
