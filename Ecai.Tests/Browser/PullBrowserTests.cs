using System.Globalization;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ecai.Tests.Browser;

/// <summary>The operator's path in a real browser: log in, pull on 外部連携, watch ホーム change without reloading.</summary>
public sealed class PullBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Pull_on_the_integration_page_updates_the_linked_count_on_home_without_reloading()
    {
        var home = await browser.LoginAsync();
        var linked = home.Locator("[data-testid=linked-friends]");
        Assert.Equal("0", (await linked.InnerTextAsync()).Trim());
        var homeLoads = 0;
        home.Load += (_, _) => homeLoads++;

        var integrations = await home.Context.NewPageAsync();
        await integrations.GotoAsync(browser.BaseUrl + "/integrations");
        await BrowserApp.WaitInteractiveAsync(integrations);
        // Slow the demo's ecforce sandbox down (its fault switch) so the progress is there to be seen.
        var slow = await integrations.APIRequest.PostAsync(browser.BaseUrl + "/sandbox/ecforce/_faults",
            new() { DataObject = new Dictionary<string, object> { ["delay_ms"] = 150 } });
        Assert.True(slow.Ok);
        // One pull takes every cart of the bot; the ecforce card is the one watched here.
        var ecforce = integrations.Locator("[data-testid=cart-card][data-kind=Ecforce]");
        await ecforce.Locator("[data-testid=pull-now]").ClickAsync();
        await ecforce.Locator("[data-testid=pull-progress]").WaitForAsync(new() { Timeout = 30_000 });
        await ecforce.Locator("[data-testid=connection-state]", new() { HasTextString = "連携済み" })
            .WaitForAsync(new() { Timeout = 60_000 });
        // Members are linked once every cart of the bot is in: the run ends and its progress goes.
        await ecforce.Locator("[data-testid=pull-progress]").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 60_000 });

        int expected;
        await using (var db = await browser.App.Db.CreateDbContextAsync())
            expected = await db.CartLinks.Select(l => l.MemberId).Distinct().CountAsync();
        Assert.True(expected > 0);
        await Assertions.Expect(linked).ToHaveTextAsync(expected.ToString("N0", CultureInfo.GetCultureInfo("ja-JP")), new() { Timeout = 30_000 });
        Assert.Equal(0, homeLoads);
    }
}
