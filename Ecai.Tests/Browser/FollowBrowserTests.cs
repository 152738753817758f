using Ecai.Domain.Carts;
using Ecai.Domain.Jobs;
using Ecai.Domain.Data;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Follow;
using Ecai.Domain.Time;
using Ecai.Integrations.Carts.Ecforce.Sandbox;
using Ecai.Tests.Support;
using Ecai.Web.Demo;
using Ecai.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ecai.Tests.Browser;

/// <summary>
/// 引上フォローメッセージ end to end in demo mode: the operator builds one in the browser, the demo's ecforce sandbox ships
/// an order of that product to a linked friend, 今すぐ取り込む imports it, the demo clock moves past "1 day after the
/// shipping date at 10:00", and the message is on the friend's phone (スマホプレビュー, from the LINE sandbox).
/// </summary>
public sealed class FollowBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_follow_message_built_in_the_browser_reaches_the_phone_after_a_shipped_order_and_the_clock_moving_on()
    {
        var app = browser.App;
        var services = app.Services;
        var bot = await browser.PulledDemoBotAsync();

        CartProduct product;
        long memberId;
        int customerIndex;
        int connection;
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            connection = await db.CartConnections.Where(c => c.BotId == bot && c.Kind == CartKind.Ecforce).Select(c => c.Id).SingleAsync();
            // A one-time product of the sandbox's catalogue that no follow message uses yet (the demo seeds one of its own).
            var oneTime = EcforceProduct.OneTime.Select(p => p.Code).ToList();
            var used = await db.Set<FollowMessage>().Where(f => f.ConnectionId == connection).Select(f => f.ProductCode).ToListAsync();
            product = await db.CartProducts.Where(p => p.ConnectionId == connection && oneTime.Contains(p.Code) && !used.Contains(p.Code))
                .OrderBy(p => p.Code).FirstAsync();
            var link = await db.CartLinks.Where(l => l.ConnectionId == connection)
                .Join(db.Members.Where(m => !m.IsBlocked), l => l.MemberId, m => m.Id, (l, m) => l).OrderBy(l => l.MemberId).FirstAsync();
            memberId = link.MemberId;
            // ecforce's customer id is the sandbox's index + 1.
            customerIndex = int.Parse(await db.CartCustomers.Where(c => c.Id == link.CartCustomerId).Select(c => c.ExternalId).SingleAsync()) - 1;
        }

        var page = await browser.LoginAsync();
        await page.GotoAsync(browser.BaseUrl + "/follow-messages/new");
        await page.Locator("[data-testid=interactive-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid=follow-scenario]").WaitForAsync(); // the draft is loaded: typing from here on is kept
        await page.Locator("[data-testid=follow-name]").FillAsync("発送翌日のフォロー");
        await page.Locator("[data-testid=follow-name]").PressAsync("Tab");
        await page.Locator("[data-testid=follow-status]").CheckAsync();
        var option = $"{product.Name} ({product.Code})";
        // Picked again if the click landed while the dropdown was still opening (the editor then does not show it).
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await page.Locator("[data-testid=follow-product]").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).First.ClickAsync();
            await page.WaitForTimeoutAsync(300);
            if (await page.Locator("[data-testid=follow-editor]").GetByText(option, new() { Exact = true }).CountAsync() > 0) break;
        }
        await page.Locator("[data-testid=editor-text]").FillAsync("{name}さん、商品は届きましたか？");
        await page.Locator("[data-testid=follow-save]").ClickAsync();
        try { await page.WaitForURLAsync(browser.BaseUrl + "/follow-messages", new() { Timeout = 15_000 }); }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = BrowserApp.Shot("follow-save-failed.png"), FullPage = true });
            Assert.Fail("Not saved: " + string.Join(" / ", await page.Locator("[data-testid=follow-error]").AllInnerTextsAsync()));
        }

        long[] scenarios;
        await using (var db = await app.Db.CreateDbContextAsync())
            scenarios = await db.Set<FollowScenario>().Where(s => db.Set<FollowMessage>().Any(f => f.Id == s.FollowMessageId && f.Name == "発送翌日のフォロー"))
                .Select(s => s.Id).ToArrayAsync();
        Assert.Single(scenarios);

        // The shop sells the product to the friend in the ecforce sandbox, and ships it now (demo time).
        var clock = services.GetRequiredService<DemoClock>();
        var store = services.GetRequiredService<DemoCarts>().Ecforce.Store;
        var order = store.AddOrder(customerIndex, product.Code);
        store.TouchOrder(order, shippedAt: clock.GetUtcNow());
        var orderId = (order + 1L).ToString(); // ecforce's order id

        // 外部連携 > 今すぐ取り込む: the app pulls the sandbox as it always does, and the order arrives with its shipping date.
        await page.GotoAsync(browser.BaseUrl + "/integrations");
        await BrowserApp.WaitInteractiveAsync(page);
        var pull = page.Locator("[data-testid=cart-card][data-kind=Ecforce] [data-testid=pull-now]");
        await Assertions.Expect(pull).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await pull.ClickAsync();
        DateTimeOffset shipped = default;
        await WaitForAsync(async () =>
        {
            await using var db = await app.Db.CreateDbContextAsync();
            var imported = await db.CartOrders.Where(o => o.ConnectionId == connection && o.ExternalId == orderId).Select(o => o.ShippedAt).FirstOrDefaultAsync();
            if (imported is null || await db.JobRuns.AnyAsync(r => r.BotId == bot && r.Kind == PullCartsJob.Kind && r.State == JobState.Running)) return false;
            shipped = imported.Value;
            return true;
        }, async () =>
        {
            await using var db = await app.Db.CreateDbContextAsync();
            var runs = await db.JobRuns.Where(r => r.BotId == bot && r.Kind == PullCartsJob.Kind).Select(r => $"{r.State} {r.Error}").ToListAsync();
            return "pulls: " + string.Join(" / ", runs);
        });
        await page.ScreenshotAsync(new() { Path = BrowserApp.Shot("follow-pulled.png") });

        // +1 時間: the scheduler wakes and plans the send for 1 day after the shipping date at 10:00 (JST).
        await page.Locator("[data-testid=demo-clock-hour]").ClickAsync();
        var due = JapanTime.DaysAfterAt(shipped, 1, new TimeOnly(10, 0));
        await WaitForAsync(async () =>
        {
            await using var db = await app.Db.CreateDbContextAsync();
            return await Ours(db).AnyAsync(x => x.State == DeliveryState.Pending);
        });

        // The evaluator moves the demo clock past the send time.
        await page.Locator("#demo-clock-target").FillAsync(JapanTime.ToJst(due.AddMinutes(1)).ToString("yyyy/MM/dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=demo-clock-go]").ClickAsync();

        await WaitForAsync(async () =>
        {
            await using var db = await app.Db.CreateDbContextAsync();
            return await Ours(db).AnyAsync(x => x.State == DeliveryState.Sent);
        }, async () =>
        {
            await using var db = await app.Db.CreateDbContextAsync();
            var row = await Ours(db).FirstAsync();
            return $"clock {clock.GetUtcNow():O}, due {row.DueAt:O}, state {row.State}, attempts {row.Attempts}, error {row.Error}";
        });
        await page.GotoAsync($"{browser.BaseUrl}/demo/phone/{memberId}");
        try { await page.Locator("[data-testid=demo-phone]").GetByText("商品は届きましたか？", new() { Exact = false }).WaitForAsync(new() { Timeout = 15_000 }); }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = BrowserApp.Shot("follow-phone-failed.png"), FullPage = true });
            throw;
        }
        await page.ScreenshotAsync(new() { Path = BrowserApp.Shot("follow-phone.png") });
        await using (var db = await app.Db.CreateDbContextAsync())
            Assert.Equal(1, await Ours(db).CountAsync(x => x.State == DeliveryState.Sent));

        // This follow message's deliveries to the friend (SourceId is the scenario).
        IQueryable<Delivery> Ours(EcaiDb db) =>
            db.Deliveries.Where(x => x.Source == DeliverySource.Follow && x.MemberId == memberId && scenarios.Contains(x.SourceId));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, Func<Task<string>>? explain = null)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail("The condition was not met within 30 s. " + (explain is null ? "" : await explain()));
    }
}
