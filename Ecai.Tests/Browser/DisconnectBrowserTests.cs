using Ecai.Domain.Carts;
using Ecai.Domain.Messaging.Follow;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ecai.Tests.Browser;

/// <summary>
/// 連携解除 on the demo: the dialog lists what will go with the counts the database holds and the demo's follow
/// message by name; keeping the messages disconnects ecforce and leaves that message switched off, without a cart.
/// </summary>
public sealed class DisconnectBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_disconnect_dialog_lists_what_goes_and_keeps_the_follow_messages_switched_off()
    {
        var app = browser.App;
        var bot = await browser.PulledDemoBotAsync();
        int connection, customers, orders, linked;
        string[] followNames;
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            connection = await db.CartConnections.Where(c => c.BotId == bot && c.Kind == CartKind.Ecforce).Select(c => c.Id).SingleAsync();
            customers = await db.CartCustomers.CountAsync(c => c.ConnectionId == connection);
            orders = await db.CartOrders.CountAsync(o => o.ConnectionId == connection);
            linked = await db.CartLinks.Where(l => l.ConnectionId == connection).Select(l => l.MemberId).Distinct().CountAsync();
            followNames = await db.Set<FollowMessage>().Where(f => f.ConnectionId == connection).OrderBy(f => f.Id).Select(f => f.Name).ToArrayAsync();
        }
        Assert.True(customers > 0 && orders > 0 && linked > 0);
        Assert.NotEmpty(followNames); // the demo seeds one on ecforce

        var page = await browser.LoginAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync(browser.BaseUrl + "/integrations");
        await BrowserApp.WaitInteractiveAsync(page);
        var disconnect = page.Locator("[data-testid=cart-card][data-kind=Ecforce] [data-testid=disconnect]");
        await Assertions.Expect(disconnect).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await disconnect.ClickAsync();

        var dialog = page.Locator("[data-testid=disconnect-dialog]");
        await Assertions.Expect(dialog.Locator("[data-testid=disconnect-customers]")).ToHaveTextAsync($"取り込んだ顧客 {customers:N0}件");
        await Assertions.Expect(dialog.Locator("[data-testid=disconnect-orders]")).ToHaveTextAsync($"取り込んだ受注 {orders:N0}件");
        await Assertions.Expect(dialog.Locator("[data-testid=disconnect-links]")).ToHaveTextAsync($"友だちとの連携 {linked:N0}人分");
        await Assertions.Expect(dialog.Locator("[data-testid=disconnect-follow]"))
            .ToHaveTextAsync($"引上フォローメッセージ {followNames.Length}件: {string.Join("、", followNames)}");
        await Assertions.Expect(page.Locator("[data-testid=disconnect-confirm]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.Shot("disconnect-1440.png") });
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.Locator("[data-testid=disconnect-confirm]")).ToBeInViewportAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.Shot("disconnect-390.png") });

        // Keeping the messages is the default choice.
        await Assertions.Expect(dialog.GetByRole(AriaRole.Radio, new() { Name = "メッセージと自動設定は削除せず、オフにして残す" })).ToBeCheckedAsync();
        await page.Locator("[data-testid=disconnect-confirm]").ClickAsync(); // the actions sit outside the content element that carries the test id
        await Assertions.Expect(page.Locator("[data-testid=cart-card][data-kind=Ecforce] [data-testid=connect-open]")).ToBeVisibleAsync();

        await using (var db = await app.Db.CreateDbContextAsync())
        {
            Assert.False(await db.CartConnections.AnyAsync(c => c.Id == connection));
            Assert.Equal(0, await db.CartCustomers.CountAsync(c => c.ConnectionId == connection));
            var kept = await db.Set<FollowMessage>().Where(f => followNames.Contains(f.Name)).ToListAsync();
            Assert.Equal(followNames.Length, kept.Count);
            Assert.All(kept, f => Assert.Equal((false, (int?)null), (f.Enabled, f.ConnectionId)));
        }
        await page.GotoAsync(browser.BaseUrl + "/follow-messages");
        await Assertions.Expect(page.GetByText(followNames[0]).First).ToBeVisibleAsync();
    }
}
