using Ecai.Domain.Carts;
using Ecai.Domain.Dashboard;
using Ecai.Domain.Jobs;
using Ecai.Domain.Members;
using Ecai.Integrations.Carts.Ecforce.Sandbox;
using Ecai.Integrations.Carts.Repeatst.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Integrations.Carts.SubscStore.Sandbox;
using Ecai.Tests.Support;
using Ecai.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Flows;

/// <summary>
/// Through the whole app: one bot connected to ecforce, リピスト and サブスクストア sandboxes whose
/// customers partly share phones (SharedPhone, re-typed), pulled by CartSync; members link across carts.
/// </summary>
public sealed class PhoneCartsFlowTests : IAsyncLifetime
{
    private readonly EcaiAppFactory _app = new();
    private SandboxServer<EcforceStore> _ecforce = null!;
    private SandboxServer<RepeatstStore> _repeatst = null!;
    private SandboxServer<SubscStoreStore> _subsc = null!;
    private int _bot;

    public async Task InitializeAsync()
    {
        var start = DateTimeOffset.UtcNow.AddMonths(-6);
        var ecforce = new EcforceStore(new EcforceStoreOptions { Seed = 11, Customers = 300, Orders = 1_500, Start = start, Span = TimeSpan.FromDays(180) });
        _ecforce = await EcforceSandbox.StartAsync(ecforce);
        _repeatst = await RepeatstSandbox.StartAsync(new RepeatstStore(new RepeatstStoreOptions
        {
            Seed = 12, Customers = 300, Orders = 900, Start = start, Span = TimeSpan.FromDays(180), SharedPhone = ecforce.CustomerPhone,
        }));
        _subsc = await SubscStoreSandbox.StartAsync(new SubscStoreStore(new SubscStoreStoreOptions
        {
            Seed = 13, Customers = 300, Orders = 900, Start = start, Span = TimeSpan.FromDays(180), SharedPhone = ecforce.CustomerPhone,
        }));
        (_bot, _, _) = await _app.AddOperatorWithBotAsync("電話番号カート", "phone-carts@example.jp");
        var members = DemoSeeder.DemoMembers(new DemoOptions { Members = 400, Seed = 3 }, [new Ecai.Web.Demo.Carts.EcforceDemo(ecforce)], DateTimeOffset.UtcNow);
        await _app.Services.GetRequiredService<MemberImport>().AddAsync(_bot, members, CancellationToken.None);
        await _app.ConnectEcforceSandboxAsync(_bot, _ecforce.BaseUrl);
        foreach (var request in new[] { RepeatstRequest(), SubscRequest() })
        {
            var connect = await _app.Services.GetRequiredService<CartConnections>().ConnectAsync(_bot, request, CancellationToken.None);
            Assert.True(connect.Succeeded, string.Join(" ", connect.Errors.Values));
        }
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _ecforce.DisposeAsync();
        await _repeatst.DisposeAsync();
        await _subsc.DisposeAsync();
    }

    private ConnectRequest RepeatstRequest() => new(CartKind.Repeatst, "repeatst.example.jp",
        new Dictionary<string, string?> { [CartSpec.AccessToken] = new RepeatstStoreOptions().AccessToken }, ApiDomain: _repeatst.BaseUrl, BirthdaySync: true);

    private ConnectRequest SubscRequest() => new(CartKind.SubscStore, "subsc.example.jp",
        new Dictionary<string, string?> { [CartSpec.ApplicationId] = new SubscStoreStoreOptions().ApplicationId, [CartSpec.SecretKey] = new SubscStoreStoreOptions().SecretKey },
        ApiDomain: _subsc.BaseUrl, BirthdaySync: true);

    [Fact]
    public async Task Pull_imports_all_three_carts_and_links_members_across_them()
    {
        await using (var before = await _app.Db.CreateDbContextAsync())
            Assert.Equal(0, await before.Members.CountAsync(m => m.BotId == _bot && m.Birthday != null));

        var result = await _app.Services.GetRequiredService<CartSync>().PullBotAsync(_bot, new NoProgress(), CancellationToken.None);

        Assert.Empty(result.Errors);
        Assert.Equal(3 * 300, result.Customers);
        Assert.Equal(1_500 + 900 + 900, result.Orders);
        await using var db = await _app.Db.CreateDbContextAsync();
        var connections = await db.CartConnections.Where(c => c.BotId == _bot).ToDictionaryAsync(c => c.Id, c => c.Kind);
        var links = await db.CartLinks.Where(l => l.BotId == _bot).Select(l => new { l.MemberId, l.ConnectionId }).ToListAsync();
        var cartsPerMember = links.GroupBy(l => l.MemberId).Select(g => g.Select(l => connections[l.ConnectionId]).Distinct().Count()).ToList();
        Assert.Contains(3, cartsPerMember); // SharedPhone: one member, three carts
        Assert.All(new[] { CartKind.Repeatst, CartKind.SubscStore }, kind => Assert.Contains(links, l => connections[l.ConnectionId] == kind));
        // Birthday sync is on for リピスト and サブスクストア only (the ecforce connection leaves it off).
        Assert.True(await db.Members.CountAsync(m => m.BotId == _bot && m.Birthday != null) > 0);
        Assert.True(await db.CartOrders.AnyAsync(o => o.ShippedAt != null && db.CartConnections.Any(c => c.Id == o.ConnectionId && c.Kind == CartKind.Repeatst)));

        // ホーム counts each cart's linked members, and a member linked to three carts once in the total.
        var home = await _app.Services.GetRequiredService<DashboardQueries>().SnapshotAsync(_bot, CancellationToken.None);
        Assert.Equal(links.Select(l => l.MemberId).Distinct().Count(), home.LinkedFriends);
        Assert.Equal(
            connections.OrderBy(c => c.Value).Select(c => (c.Value, links.Where(l => l.ConnectionId == c.Key).Select(l => l.MemberId).Distinct().Count())),
            home.PerCart.Select(c => (c.Kind, c.LinkedMembers)));
        Assert.All(home.PerCart, c => Assert.True(c.LinkedMembers > 0));
    }

    [Fact]
    public async Task Connection_test_names_the_repeatst_ip_allow_list_screen()
    {
        _repeatst.Store.Faults.IpNotAllowed = true;

        var test = await _app.Services.GetRequiredService<CartConnections>().TestAsync(RepeatstRequest(), CancellationToken.None);

        Assert.False(test.Succeeded);
        Assert.Contains("基本情報管理 > SHOPマスタ > 外部連携 > データアシスタントAPI", test.Message);
    }

    private sealed class NoProgress : IJobProgress
    {
        public long JobRunId => 0;
        public void Report(long done, long? total, string? stage = null) { }
    }
}
