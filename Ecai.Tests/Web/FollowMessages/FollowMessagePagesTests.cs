using System.Text.RegularExpressions;
using Bunit;
using Ecai.Domain.Carts;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Follow;
using Ecai.Tests.Web.Components;
using Ecai.Web.Components.Pages.FollowMessages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Ecai.Tests.Web.FollowMessages;

public sealed class FollowMessagePagesTests : ComponentTest
{
    private async Task<(int Bot, int Connection)> ShopAsync()
    {
        var bot = await SignedInBotAsync();
        var connection = await Seed.ConnectionAsync(bot, CartKind.Ecforce);
        await using var db = Db.CreateDbContext();
        db.CartProducts.Add(new CartProduct { ConnectionId = connection, Code = "SERUM", Name = "美容液" });
        await db.SaveChangesAsync();
        return (bot, connection);
    }

    private IRenderedComponent<FollowMessageEditPage> RenderEditor(int? id = null)
    {
        Render<MudPopoverProvider>();
        return Render<FollowMessageEditPage>(p => p.Add(x => x.Id, id));
    }

    [Fact]
    public async Task The_editor_warns_when_a_scenario_is_earlier_than_day_one_at_six_and_not_after()
    {
        await ShopAsync();
        var page = RenderEditor();
        page.WaitForElement("[data-testid=follow-scenario]");
        Assert.Empty(page.FindAll("[data-testid=follow-early-warning]")); // new scenario: 1日後 10:00

        page.Find("[data-testid=follow-time]").Change("05:30");
        page.WaitForAssertion(() => Assert.Contains("1日後の06:00", page.Find("[data-testid=follow-early-warning]").TextContent));

        page.Find("[data-testid=follow-time]").Change("06:00");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=follow-early-warning]")));

        page.Find("[data-testid=follow-days]").Change("0");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=follow-early-warning]")));
    }

    [Fact]
    public async Task Saving_an_incomplete_follow_message_shows_japanese_errors_and_saves_nothing()
    {
        await ShopAsync();
        var page = RenderEditor();

        page.WaitForElement("[data-testid=follow-save]").Click();

        page.WaitForAssertion(() =>
        {
            var errors = page.FindAll("[data-testid=follow-error]").Select(e => e.TextContent.Trim()).ToList();
            Assert.Contains("メッセージ管理名を入力してください。", errors);
            Assert.Contains("トリガー商品を選んでください。", errors);
            Assert.Contains("シナリオ1: 吹き出しを1つ以上入れてください。", errors);
        });
        await using var db = Db.CreateDbContext();
        Assert.Equal(0, await db.Set<FollowMessage>().CountAsync());
    }

    [Fact]
    public async Task The_list_shows_each_scenarios_counts_and_switching_off_is_saved()
    {
        var (bot, connection) = await ShopAsync();
        var follow = Services.GetRequiredService<Ecai.Domain.Messaging.Follow.FollowMessages>();
        var (errors, id) = await follow.SaveAsync(bot, new FollowDraft
        {
            Name = "美容液フォロー", ConnectionId = connection, ProductCode = "SERUM", Enabled = true,
            Scenarios = [new FollowScenarioDraft { DaysAfter = 2, AtTime = new TimeOnly(18, 0), Content = new MessageContent([new Bubble { Kind = BubbleKind.Text, Text = "こんにちは" }]) }],
        }, CancellationToken.None);
        Assert.Empty(errors);

        var page = Render<FollowMessagesPage>();

        var row = Regex.Replace(page.WaitForElement("[data-testid=follow-row]").TextContent, @"\s+", " ");
        Assert.Contains("美容液フォロー", row);
        Assert.Contains("美容液 (SERUM)", row);
        Assert.Contains("2日後 18:00: 送信済み 0 / 失敗 0 / 送信待ち 0 / 送信しない 0", row);
        page.Find("[data-testid=follow-row] input[type=checkbox]").Change(false);
        await using var db = Db.CreateDbContext();
        page.WaitForAssertion(() => Assert.False(db.Set<FollowMessage>().AsNoTracking().Single(f => f.Id == id).Enabled));
    }

    [Fact]
    public async Task A_bot_without_a_shipping_cart_is_told_to_connect_one()
    {
        var bot = await SignedInBotAsync();
        await Seed.ConnectionAsync(bot, CartKind.Shopify);

        var page = RenderEditor();

        Assert.Contains("ecforce・楽天RMS・リピスト", page.WaitForElement("[data-testid=follow-no-cart]").TextContent);
    }
}
