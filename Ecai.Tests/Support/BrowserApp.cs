using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Ecai.Domain.Carts;
using Ecai.Domain.Jobs;
using Microsoft.Playwright;

namespace Ecai.Tests.Support;

/// <summary>
/// The demo app on Kestrel at 127.0.0.1 plus Debian's Chromium driven by Playwright (no browser download).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public EcaiAppFactory App { get; } = new(demoMembers: 300);
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright _playwright = null!;

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.Replace("://[::]", "://127.0.0.1").Replace("://localhost", "://127.0.0.1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Where browser tests leave their screenshots (to look at, not to compare).</summary>
    public static string Shot(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "ecai-screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    /// <summary>A new browser context (its window size and language) logged in as the demo operator, on ホーム and interactive.</summary>
    public async Task<IPage> LoginAsync(int width = 1366, int height = 900, string locale = "ja-JP")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/account/login");
        await page.FillAsync("input[name=email]", EcaiAppFactory.DemoEmail);
        await page.FillAsync("input[name=password]", EcaiAppFactory.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + "/");
        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>The demo bot's id, after one pull of all its carts (the demo seeds members but imports nothing on start).</summary>
    public async Task<int> PulledDemoBotAsync()
    {
        int bot;
        await using (var db = await App.Db.CreateDbContextAsync()) bot = db.Bots.Select(b => b.Id).Single();
        var run = await App.Services.GetRequiredService<JobRuns>().StartAsync(bot, "test", "テスト取込", CancellationToken.None);
        await App.Services.GetRequiredService<CartSync>().PullBotAsync(bot, run, CancellationToken.None);
        return bot;
    }

    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=interactive-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }
}
