using System.Net;
using Ecai.Domain.Carts;
using Ecai.Domain.Jobs;
using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Integrations.Carts.Rakuraku.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Tests.Integrations.Rakuraku;
using Ecai.Tests.Support;
using Ecai.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Flows;

/// <summary>
/// 楽楽リピート through the whole app: connect (認可待ち) → /cartauth/start → the sandbox's consent page → 許可する →
/// /cartauth/callback → 外部連携 with auth=ok → a pull imports the orders and links members by phone.
/// </summary>
public sealed class RakurakuAuthorizationFlowTests : IAsyncLifetime
{
    private readonly EcaiAppFactory _app = new();
    private SandboxServer<RakurakuStore> _sandbox = null!;

    public async Task InitializeAsync() =>
        _sandbox = await RakurakuSandbox.StartAsync(new RakurakuStore(new RakurakuStoreOptions
        {
            Seed = 21, Customers = 200, Orders = 800,
            Start = DateTimeOffset.UtcNow.AddMonths(-3), Span = TimeSpan.FromDays(90),
            RedirectUris = ["http://localhost/cartauth/callback"], // the test server's own callback
        }));

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Connect_approve_on_the_consent_page_then_pull_links_members_by_phone()
    {
        var store = _sandbox.Store;
        var (bot, email, password) = await _app.AddOperatorWithBotAsync("楽楽フロー", "rakuraku-flow@example.jp");
        // Members 0..119 carry customer i's phone (as the shop typed it); 120..149 have none.
        var members = Enumerable.Range(0, 150).Select(i => new NewMember($"U{i:x32}", $"会員{i}", DateTimeOffset.UtcNow.AddDays(-i),
            i < 120 ? store.CustomerPhone(i) : null)).ToList();
        await _app.Services.GetRequiredService<MemberImport>().AddAsync(bot, members, CancellationToken.None);

        var connections = _app.Services.GetRequiredService<CartConnections>();
        var connect = await connections.ConnectAsync(bot, new ConnectRequest(CartKind.RakurakuRepeat, "shop.example.jp",
            new Dictionary<string, string?> { [CartSpec.ClientId] = store.Options.ClientId, [CartSpec.ClientSecret] = store.Options.ClientSecret },
            _sandbox.ApiBaseUrl), CancellationToken.None);
        Assert.True(connect.Succeeded, string.Join(" ", connect.Errors.Values));
        Assert.Equal(ConnectionState.AwaitingAuthorization, (await connections.ListAsync(bot, CancellationToken.None)).Single().State);

        // 連携を許可 → the cart's consent page.
        var (app, _) = await _app.LoginAsync(email, password);
        using var start = await app.GetAsync($"/cartauth/start/{connect.ConnectionId}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.Equal(_sandbox.ApiBaseUrl + "/oauth/authorize.php", authorize.GetLeftPart(UriPartial.Path));
        Assert.Equal("http://localhost/cartauth/callback", RakurakuTestHost.Query(authorize)["redirect_uri"]);

        // 許可する → back to ECAI's callback with the code and state.
        using var browser = RakurakuTestHost.Browser();
        var back = await RakurakuTestHost.DecideAsync(browser, authorize, allow: true);
        Assert.Equal("/cartauth/callback", back.AbsolutePath);
        using var callback = await app.GetAsync(back.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.StartsWith("/integrations?auth=ok", callback.Headers.Location!.OriginalString);
        Assert.Equal(1, store.CodeExchanges);
        Assert.Equal(ConnectionState.NeverPulled, (await connections.ListAsync(bot, CancellationToken.None)).Single().State);

        // 取込: orders (with their buyers) imported, members linked by phone.
        var run = await PullNowAndWaitAsync(bot);

        Assert.Equal(JobState.Succeeded, run.State);
        await using var db = await _app.Db.CreateDbContextAsync();
        Assert.Equal(store.OrderCount, await db.CartOrders.CountAsync());
        Assert.True(await db.CartSubscriptions.AnyAsync(), "subscription states ride on the orders");
        var expected = Enumerable.Range(0, 120)
            .Where(i => store.CustomerHasOrders(i) && PhoneNormalizer.Normalize(store.CustomerPhone(i)) is not null)
            .Select(i => PhoneNormalizer.Normalize(store.CustomerPhone(i))).Distinct().Count();
        Assert.True(expected > 60, $"the seed should link most members, got {expected}");
        Assert.Equal(expected, await db.CartLinks.Where(l => l.BotId == bot).Select(l => l.MemberId).Distinct().CountAsync());
        Assert.Equal(ConnectionState.Connected, (await connections.ListAsync(bot, CancellationToken.None)).Single().State);
    }

    [Fact]
    public async Task Refusing_on_the_consent_page_returns_to_integrations_with_a_failure_and_stays_awaiting()
    {
        var store = _sandbox.Store;
        var (bot, email, password) = await _app.AddOperatorWithBotAsync("楽楽フロー2", "rakuraku-flow2@example.jp");
        var connections = _app.Services.GetRequiredService<CartConnections>();
        var connect = await connections.ConnectAsync(bot, new ConnectRequest(CartKind.RakurakuRepeat, "shop2.example.jp",
            new Dictionary<string, string?> { [CartSpec.ClientId] = store.Options.ClientId, [CartSpec.ClientSecret] = store.Options.ClientSecret },
            _sandbox.ApiBaseUrl), CancellationToken.None);
        var (app, _) = await _app.LoginAsync(email, password);
        using var start = await app.GetAsync($"/cartauth/start/{connect.ConnectionId}");

        using var browser = RakurakuTestHost.Browser();
        var back = await RakurakuTestHost.DecideAsync(browser, start.Headers.Location!, allow: false);
        using var callback = await app.GetAsync(back.PathAndQuery);

        Assert.StartsWith("/integrations?auth=failed", callback.Headers.Location!.OriginalString);
        Assert.Equal(0, store.CodeExchanges);
        Assert.Equal(ConnectionState.AwaitingAuthorization, (await connections.ListAsync(bot, CancellationToken.None)).Single().State);
    }

    private async Task<JobRun> PullNowAndWaitAsync(int bot)
    {
        long before;
        await using (var db = await _app.Db.CreateDbContextAsync())
            before = await db.JobRuns.MaxAsync(r => (long?)r.Id) ?? 0;
        Assert.True(_app.Services.GetRequiredService<PullTrigger>().Request(bot));
        return await Eventually.ValueAsync(async () =>
        {
            await using var db = await _app.Db.CreateDbContextAsync();
            return await db.JobRuns.Where(r => r.Id > before && r.Kind == PullCartsJob.Kind && r.State != JobState.Running).FirstOrDefaultAsync();
        }, TimeSpan.FromSeconds(60));
    }
}
