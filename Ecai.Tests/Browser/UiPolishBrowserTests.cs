using Ecai.Tests.Support;
using Microsoft.Playwright;

namespace Ecai.Tests.Browser;

/// <summary>
/// The admin as a Japanese operator sees it at 1440 px and on a 390 px phone: no page scrolls sideways, navigation
/// labels stay on one line, and an unknown URL gets ECAI's Japanese 404 page. Screenshots are left to look at.
/// </summary>
public sealed class UiPolishBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly string[] AdminPages =
        ["/", "/members", "/members/health", "/tags", "/tags/rules", "/chat", "/broadcasts", "/steps", "/follow-messages", "/integrations", "/jobs", "/settings/line"];

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Every_admin_page_fits_the_width_without_sideways_scrolling(int width, int height)
    {
        var page = await browser.LoginAsync();
        await page.SetViewportSizeAsync(width, height);
        foreach (var path in AdminPages)
        {
            await page.GotoAsync(browser.BaseUrl + path);
            await BrowserApp.WaitInteractiveAsync(page);
            await page.Locator(".mud-main-content").WaitForAsync();
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"{path} at {width} px scrolls sideways ({scrollWidth} px wide)");
            await page.ScreenshotAsync(new() { Path = BrowserApp.Shot($"polish-{width}{path.Replace('/', '-')}.png") });
        }
    }

    [Fact]
    public async Task Navigation_labels_stay_on_one_line()
    {
        var page = await browser.LoginAsync();
        await page.SetViewportSizeAsync(1440, 900);
        var labels = page.Locator(".mud-nav-link-text");
        Assert.True(await labels.CountAsync() >= 12);
        foreach (var label in await labels.AllAsync())
        {
            // One line of 14 px text: a label that wraps is at least two lines high.
            var box = await label.BoundingBoxAsync();
            Assert.True(box!.Height < 30, $"「{await label.InnerTextAsync()}」 wraps ({box.Height} px high)");
        }
    }

    [Fact]
    public async Task An_unknown_url_gets_the_japanese_not_found_page_with_a_way_home()
    {
        var page = await browser.LoginAsync();
        foreach (var (width, height) in new[] { (1440, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            var response = await page.GotoAsync(browser.BaseUrl + "/no-such-page");
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.Locator("[data-testid=not-found] h1")).ToHaveTextAsync("ページが見つかりません");
            await page.ScreenshotAsync(new() { Path = BrowserApp.Shot($"polish-{width}-not-found.png") });
        }
        await page.GetByText("ホームへ戻る").ClickAsync();
        await page.WaitForURLAsync(browser.BaseUrl + "/");
    }
}
