using System.Globalization;
using Ecai.Domain.Carts;
using Ecai.Domain.Members;
using Ecai.Tests.Support;
using Microsoft.Playwright;

namespace Ecai.Tests.Browser;

/// <summary>会員リスト keeps its filter in the address: leaving for a member and coming back shows the same list.</summary>
public sealed class MemberListBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_filter_survives_opening_a_member_and_coming_back()
    {
        var app = browser.App;
        var services = app.Services;
        var bot = await browser.PulledDemoBotAsync();
        var search = services.GetRequiredService<MemberSearch>();
        var product = (await search.ProductsAsync(bot, CancellationToken.None)).First();
        var expected = await search.CountAsync(bot, new MemberFilter { ProductCode = product.Code }, CancellationToken.None);
        Assert.InRange(expected, 1, await search.CountAsync(bot, MemberFilter.All, CancellationToken.None) - 1);
        var people = expected.ToString("N0", CultureInfo.GetCultureInfo("ja-JP")) + "人 /";

        var page = await browser.LoginAsync();
        await page.GotoAsync(browser.BaseUrl + "/members");
        await BrowserApp.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=member-grid] tbody tr").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.Locator("[data-testid=filter-product]").FillAsync(product.Code);
        await page.GetByText($"{CartNames.Of(product.Kind)}: {product.Name} ({product.Code})", new() { Exact = true }).ClickAsync();
        var count = page.Locator("[data-testid=member-count]");
        await Assertions.Expect(count).ToContainTextAsync(people, new() { Timeout = 15_000 });
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/members\\?product="));

        await page.Locator("[data-testid=member-grid] tbody tr a").First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/members/\\d+$"));
        await page.GoBackAsync();
        await BrowserApp.WaitInteractiveAsync(page);

        await Assertions.Expect(count).ToContainTextAsync(people, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=filter-product]")).ToHaveValueAsync(product.Name);
        await page.Locator("[data-testid=member-grid] tbody tr").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = BrowserApp.Shot("member-list-filter-kept.png") });

        // The same address in a fresh tab (a bookmark, a shared link) opens the same list.
        var shared = await page.Context.NewPageAsync();
        await shared.GotoAsync(page.Url);
        await BrowserApp.WaitInteractiveAsync(shared);
        await Assertions.Expect(shared.Locator("[data-testid=member-count]")).ToContainTextAsync(people, new() { Timeout = 15_000 });
    }
}
