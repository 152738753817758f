using System.Globalization;
using Ecai.Domain.Carts;
using Ecai.Domain.Members;
using Ecai.Domain.Tags;
using Ecai.Tests.Support;
using Microsoft.Playwright;

namespace Ecai.Tests.Browser;

/// <summary>The operator's segment path: filter 会員リスト by a product, bulk-add a tag, see the count on タグリスト.</summary>
public sealed class SegmentBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Filter_members_by_a_product_bulk_add_a_tag_and_see_the_count_on_the_tag_list()
    {
        var app = browser.App;
        var services = app.Services;
        var bot = await browser.PulledDemoBotAsync();
        var created = await services.GetRequiredService<TagCatalog>().CreateAsync(bot, "酵素購入者", null, CancellationToken.None);
        Assert.True(created.Succeeded);
        // The product most linked members bought, so the segment is neither empty nor everyone.
        var search = services.GetRequiredService<MemberSearch>();
        var products = (await search.ProductsAsync(bot, CancellationToken.None)).DistinctBy(p => p.Code).ToList();
        var counts = new List<(ProductOption Product, long Count)>();
        foreach (var p in products) counts.Add((p, await search.CountAsync(bot, new MemberFilter { ProductCode = p.Code }, CancellationToken.None)));
        var (product, expected) = counts.MaxBy(c => c.Count);
        Assert.InRange(expected, 1, await search.CountAsync(bot, MemberFilter.All, CancellationToken.None) - 1);

        var page = await browser.LoginAsync();
        await page.GotoAsync(browser.BaseUrl + "/members");
        await BrowserApp.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=member-grid] tbody tr").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.Locator("[data-testid=filter-product]").FillAsync(product.Code);
        await page.GetByText($"{CartNames.Of(product.Kind)}: {product.Name} ({product.Code})", new() { Exact = true }).ClickAsync();
        var count = page.Locator("[data-testid=member-count]");
        await Assertions.Expect(count).ToContainTextAsync(expected.ToString("N0", CultureInfo.GetCultureInfo("ja-JP")) + "人 /", new() { Timeout = 15_000 });

        await page.Locator("[data-testid=bulk-tag-select]").ClickAsync();
        await page.GetByText("酵素購入者", new() { Exact = true }).ClickAsync();
        await page.Locator("[data-testid=bulk-tag-add]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "実行する" }).ClickAsync();
        await page.Locator("[data-testid=member-filter]").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.Shot("member-list.png") });

        await page.GotoAsync(browser.BaseUrl + "/tags");
        await BrowserApp.WaitInteractiveAsync(page);
        var row = page.Locator("[data-testid=tag-row]", new() { HasText = "酵素購入者" });
        await Assertions.Expect(row.Locator("[data-testid=tag-count]"))
            .ToHaveTextAsync(expected.ToString("N0", CultureInfo.GetCultureInfo("ja-JP")) + "人", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = BrowserApp.Shot("tag-list.png"), FullPage = true });
    }
}
