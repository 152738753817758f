using Ecai.Tests.Support;
using Microsoft.Playwright;

namespace Ecai.Tests.Browser;

/// <summary>
/// Dates read and are typed as yyyy/MM/dd, times as 24-hour HH:mm, whatever the browser's own language: here an English
/// browser, whose native date inputs would show mm/dd/yyyy.
/// </summary>
public sealed class DateFieldBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(1440, 900, "1440")]
    [InlineData(390, 844, "390")]
    public async Task Filter_dates_and_a_broadcasts_time_are_yyyy_mm_dd_and_24_hour_in_an_english_browser(int width, int height, string name)
    {
        var page = await browser.LoginAsync(width, height, locale: "en-US");

        await page.GotoAsync(browser.BaseUrl + "/members");
        await BrowserApp.WaitInteractiveAsync(page);
        var from = page.Locator("#filter-friend-from");
        await Assertions.Expect(from).ToHaveAttributeAsync("placeholder", "yyyy/mm/dd");
        await from.FillAsync("2026/11/01");
        await from.PressAsync("Tab");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("friendFrom=2026-11-01"));
        await Assertions.Expect(from).ToHaveValueAsync("2026/11/01");
        await Assertions.Expect(page.Locator("[data-testid=saved-filter-save]")).ToBeEnabledAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.Shot($"dates-members-{name}.png"), FullPage = true });

        await page.GotoAsync(browser.BaseUrl + "/broadcasts/new");
        await BrowserApp.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=broadcast-estimate]").WaitForAsync();
        await page.GetByText("日時を指定して予約する").ClickAsync();
        var day = page.Locator("#broadcast-at-day");
        var time = page.Locator("#broadcast-at-time");
        await Assertions.Expect(day).ToHaveAttributeAsync("placeholder", "yyyy/mm/dd");
        await day.FillAsync("2027/01/15");
        await day.PressAsync("Tab");
        await time.FillAsync("18:30");
        await time.PressAsync("Tab");
        await Assertions.Expect(day).ToHaveValueAsync("2027/01/15");
        await Assertions.Expect(time).ToHaveValueAsync("18:30");
        await page.ScreenshotAsync(new() { Path = BrowserApp.Shot($"dates-broadcast-{name}.png"), FullPage = true });
    }
}
