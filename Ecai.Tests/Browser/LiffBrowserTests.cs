using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ecai.Domain.Carts;
using Ecai.Tests.Support;
using Ecai.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ecai.Tests.Browser;

/// <summary>
/// A new friend's path on a phone: LINE's follow webhook makes the member, the friend opens the identity
/// form (LIFF, phone-sized), submits, is linked within the request, and the operator's ホーム counts it live.
/// </summary>
public sealed class LiffBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_new_friend_fills_in_the_identity_form_on_a_phone_and_home_counts_the_link_live()
    {
        var app = browser.App;
        int bot, connection;
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            bot = await db.Bots.Select(b => b.Id).SingleAsync();
            connection = await db.CartConnections.Where(c => c.Kind == CartKind.Ecforce).Select(c => c.Id).SingleAsync();
            // A customer of the shop with one order, whose phone no demo friend has given.
            db.CartCustomers.Add(new CartCustomer
            {
                ConnectionId = connection, BotId = bot, ExternalId = "browser-1", Name = "新井 友子", PhoneRaw = "080-4321-0987",
                PhoneNormalized = "+818043210987", UpdatedAt = DateTimeOffset.UtcNow,
            });
            db.CartOrders.Add(new CartOrder
            {
                ConnectionId = connection, ExternalId = "browser-o1", CustomerExternalId = "browser-1", OrderedAt = DateTimeOffset.UtcNow.AddDays(-2),
                Amount = 3980, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var home = await browser.LoginAsync();
        var linked = home.Locator("[data-testid=linked-friends]");
        var before = int.Parse((await linked.InnerTextAsync()).Trim(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("ja-JP"));
        var homeLoads = 0;
        home.Load += (_, _) => homeLoads++;

        // LINE: the user adds the bot as a friend (the sandbox knows their profile), and the webhook arrives.
        var line = app.Services.GetRequiredService<DemoLine>();
        const string userId = "Ub0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0";
        line.Store.AddFriend(userId, "あらい");
        var body = $$$"""{"destination":"Ubot","events":[{"type":"follow","mode":"active","timestamp":{{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}},"source":{"type":"user","userId":"{{{userId}}}"},"webhookEventId":"01JBROWSERFOLLOW","deliveryContext":{"isRedelivery":false},"replyToken":"r","follow":{"isUnblocked":false}}]}""";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(DemoLine.ChannelSecret), Encoding.UTF8.GetBytes(body)));
        var webhook = await home.APIRequest.PostAsync($"{browser.BaseUrl}/line/webhook/{bot}", new()
        {
            Data = body,
            Headers = new Dictionary<string, string> { ["x-line-signature"] = signature, ["Content-Type"] = "application/json" },
        });
        Assert.Equal(200, webhook.Status);

        // The friend opens the identity form inside LINE: a phone-sized, anonymous browser with the ID token LIFF would give.
        await using var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "ja-JP", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
        });
        var form = await phone.NewPageAsync();
        await form.GotoAsync($"{browser.BaseUrl}/liff/identity/{bot}#sandbox_id_token={Uri.EscapeDataString(line.IdTokenFor(userId))}");
        await form.Locator("#liff-name").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Contains("あらい 様", await form.Locator("body").InnerTextAsync());
        await form.ScreenshotAsync(new() { Path = BrowserApp.Shot("liff-identity-form.png"), FullPage = true });

        await form.FillAsync("#liff-name", "新井 友子");
        await form.FillAsync("#liff-phone", "080 4321 0987");
        await form.Locator("[data-testid=liff-submit]").ClickAsync();
        await form.Locator("[data-testid=liff-linked]").WaitForAsync(new() { Timeout = 30_000 });
        await form.ScreenshotAsync(new() { Path = BrowserApp.Shot("liff-identity-done.png"), FullPage = true });

        // Nothing on the page is wider than the phone.
        Assert.True(await form.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await Assertions.Expect(linked).ToHaveTextAsync((before + 1).ToString("N0", CultureInfo.GetCultureInfo("ja-JP")), new() { Timeout = 30_000 });
        Assert.Equal(0, homeLoads);
    }
    [Theory]
    [InlineData(1440, 900, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task An_invalid_identity_form_shows_every_message_at_once_and_saves_nothing(int width, int height, string name)
    {
        var app = browser.App;
        int bot;
        Ecai.Domain.Members.Member friend;
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            bot = await db.Bots.Select(b => b.Id).SingleAsync();
            friend = await db.Members.Where(m => m.BotId == bot && !m.IsBlocked).OrderBy(m => m.Id).Skip(name == "phone" ? 1 : 0).FirstAsync();
        }
        var line = app.Services.GetRequiredService<DemoLine>();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "ja-JP", ViewportSize = new() { Width = width, Height = height }, IsMobile = width < 600, HasTouch = width < 600,
        });
        var form = await context.NewPageAsync();
        await form.GotoAsync($"{browser.BaseUrl}/liff/identity/{bot}#sandbox_id_token={Uri.EscapeDataString(line.IdTokenFor(friend.LineUserId))}");
        await form.Locator("#liff-name").WaitForAsync(new() { Timeout = 30_000 });

        await form.FillAsync("#liff-name", "");
        await form.FillAsync("#liff-phone", "090-1234");
        await form.FillAsync("#liff-email", "hanako@");
        await form.Locator("[data-testid=liff-submit]").ClickAsync();

        var errors = form.Locator("[data-testid=liff-errors] li");
        await Assertions.Expect(errors).ToHaveTextAsync(
            ["お名前を入力してください。", "電話番号の形式が正しくありません(例: 090-1234-5678)。", "メールアドレスの形式が正しくありません。"], new() { Timeout = 30_000 });
        await Assertions.Expect(form.Locator(".mud-input-helper-text", new() { HasText = "お名前を入力してください。" })).ToBeVisibleAsync();
        await Assertions.Expect(form.Locator(".mud-input-helper-text", new() { HasText = "メールアドレスの形式が正しくありません。" })).ToBeVisibleAsync();
        await form.ScreenshotAsync(new() { Path = BrowserApp.Shot($"liff-identity-errors-{width}.png"), FullPage = true });

        Assert.True(await form.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.Empty(await form.Locator("[data-testid=liff-done]").AllAsync());
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            var after = await db.Members.SingleAsync(m => m.Id == friend.Id);
            Assert.Equal((friend.RegisteredName, friend.PhoneRaw, friend.EmailRaw), (after.RegisteredName, after.PhoneRaw, after.EmailRaw));
        }
    }
}
