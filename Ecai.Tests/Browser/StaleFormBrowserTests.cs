using Ecai.Domain.Members;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ecai.Tests.Browser;

/// <summary>
/// 会員詳細 on the demo: the member changes elsewhere (the domain service, as another operator or a LIFF submission
/// would) while the operator edits the same field; saving is refused with the Japanese message and the fresh values.
/// </summary>
public sealed class StaleFormBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Saving_a_member_changed_elsewhere_shows_the_stale_message_and_the_fresh_values()
    {
        var app = browser.App;
        var contacts = app.Services.GetRequiredService<MemberContacts>();
        Member member;
        await using (var db = await app.Db.CreateDbContextAsync())
            member = await db.Members.OrderBy(m => m.Id).FirstAsync();
        var first = await contacts.SetAsync(member.BotId, member.Id, new ProfileInput("山田 花子", "090-1111-2222", null, null), member.Version,
            removePhone: false, CancellationToken.None);
        Assert.True(first.Succeeded);

        var page = await browser.LoginAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync(browser.BaseUrl + $"/members/{member.Id}");
        await BrowserApp.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=member-save]")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#member-phone")).ToHaveValueAsync("090-1111-2222");

        // The operator empties the phone; the removal box shows the server has the edit.
        await page.Locator("#member-phone").FillAsync("");
        await page.Locator("#member-phone").PressAsync("Tab");
        await Assertions.Expect(page.Locator("[data-testid=member-remove-phone]").First).ToBeVisibleAsync();

        // Meanwhile the phone is changed elsewhere.
        int version;
        await using (var db = await app.Db.CreateDbContextAsync())
            version = await db.Members.Where(m => m.Id == member.Id).Select(m => m.Version).SingleAsync();
        Assert.True((await contacts.SetAsync(member.BotId, member.Id, new ProfileInput("山田 花子", "080-5555-6666", null, null), version,
            removePhone: false, CancellationToken.None)).Succeeded);

        await page.GetByText("電話番号を削除する").First.ClickAsync();
        await page.Locator("[data-testid=member-save]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=member-stale]"))
            .ToHaveTextAsync("この会員は他の操作で更新されました。最新の内容を表示しています。もう一度編集してください。");
        await Assertions.Expect(page.Locator("#member-phone")).ToHaveValueAsync("080-5555-6666");
        await page.ScreenshotAsync(new() { Path = BrowserApp.Shot("member-stale-1440.png") });
        await page.SetViewportSizeAsync(390, 844);
        await page.Locator("[data-testid=member-stale]").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(page.Locator("[data-testid=member-stale]")).ToBeInViewportAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.Shot("member-stale-390.png") });

        await using (var db = await app.Db.CreateDbContextAsync())
            Assert.Equal("080-5555-6666", await db.Members.Where(m => m.Id == member.Id).Select(m => m.PhoneRaw).SingleAsync());
    }
}
