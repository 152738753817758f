using Ecai.Domain.Bots;
using Ecai.Domain.Carts;
using Ecai.Domain.Jobs;
using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Integrations.Carts.Rakuten;
using Ecai.Integrations.Carts.Rakuten.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ecai.Tests.Integrations.Rakuten;

/// <summary>
/// Connect → pull through CartSync and the real connector over HTTP → buyers, orders, subscriptions and
/// links in the database; then a later pull that sees a cancellation and a new order.
/// </summary>
public sealed class RakutenPullFlowTests : IAsyncLifetime
{
    private TestDb _db = null!;
    private SandboxServer<RakutenStore> _sandbox = null!;
    private ServiceProvider _services = null!;
    private CartConnections _connections = null!;
    private CartSync _sync = null!;
    private JobRuns _runs = null!;
    private int _bot;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync();
        _sandbox = await RakutenSandbox.StartAsync(new RakutenStore(new RakutenStoreOptions { Seed = 5, Customers = 250, Orders = 1_500 }));
        _services = new ServiceCollection().AddLogging().AddRakutenCart()
            .Configure<RakutenOptions>(o => (o.RequestsPerSecond, o.PageSize, o.BatchSize) = (0, 200, 50))
            .BuildServiceProvider();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var live = new RecordingLiveEvents();
        var factories = _services.GetServices<ICartClientFactory>().ToList();
        _connections = new CartConnections(_db, new EphemeralDataProtectionProvider(), factories, live, clock);
        _runs = new JobRuns(_db, live, clock);
        _sync = new CartSync(_db, factories, _connections, new Linker(_db, clock), new Ecai.Domain.Tags.TagRuleEngine(_db, live, clock), live, clock,
            Options.Create(new ImportOptions { RecordsPerTransaction = 120 }), NullLogger<CartSync>.Instance);

        await using var db = _db.CreateDbContext();
        var bot = new Bot { Name = "楽天フロー", CreatedAt = clock.GetUtcNow() };
        db.Bots.Add(bot);
        await db.SaveChangesAsync();
        _bot = bot.Id;
        var store = _sandbox.Store;
        var members = Enumerable.Range(0, store.CustomerCount).Where(i => i % 3 != 0)
            .Select(i => new NewMember($"U{i:x32}", $"会員{i}", clock.GetUtcNow(), store.CustomerPhone(i))).ToList();
        await new MemberImport(_db).AddAsync(_bot, members, CancellationToken.None);

        var connect = await _connections.ConnectAsync(_bot, new ConnectRequest(CartKind.RakutenRms, "https://www.rakuten.co.jp/ecai-flow/",
            new Dictionary<string, string?> { [CartSpec.ServiceSecret] = "SP123456_sandboxSecret", [CartSpec.LicenseKey] = "SL123456_sandboxLicense" },
            ApiDomain: _sandbox.BaseUrl, LicenseExpiresOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60)), CancellationToken.None);
        Assert.True(connect.Succeeded, string.Join(",", connect.Errors.Values));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sandbox.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<PullResult> PullAsync()
    {
        var run = await _runs.StartAsync(_bot, "test", "テスト", CancellationToken.None);
        var result = await _sync.PullBotAsync(_bot, run, CancellationToken.None);
        Assert.Empty(result.Errors);
        return result;
    }

    [Fact]
    public async Task First_pull_imports_the_history_links_members_by_phone_and_a_later_pull_sees_changes()
    {
        var store = _sandbox.Store;

        var first = await PullAsync();

        Assert.Equal(store.OrderCount, first.Orders);
        await using (var db = _db.CreateDbContext())
        {
            var connection = await db.CartConnections.SingleAsync();
            Assert.StartsWith("done|", connection.OrderCursor);
            Assert.Equal(ConnectionState.Connected, connection.State);
            Assert.Equal(store.OrderCount, await db.CartOrders.CountAsync());
            Assert.False(await db.CartOrders.AnyAsync(o => o.Amount < 0));
            var buyers = await db.CartCustomers.ToListAsync();
            Assert.All(buyers, c => Assert.EndsWith("@pc.fw.rakuten.ne.jp", c.Number));
            Assert.All(buyers, c => Assert.Null(c.Birthday));
            Assert.Contains(await db.CartSubscriptions.Select(s => s.Status).Distinct().ToListAsync(), s => s == ContinuationStatus.Active);

            // Members link to the buyers with the same phone.
            var buyerPhones = buyers.Select(c => c.PhoneNormalized).OfType<string>().ToHashSet();
            var expected = await db.Members.CountAsync(m => m.BotId == _bot && m.PhoneNormalized != null && buyerPhones.Contains(m.PhoneNormalized));
            Assert.True(expected > 50);
            Assert.Equal(expected, await db.CartLinks.Where(l => l.BotId == _bot).Select(l => l.MemberId).Distinct().CountAsync());
        }

        string recent;
        await using (var db = _db.CreateDbContext())
            recent = await db.CartOrders.Where(o => !o.Cancelled).OrderByDescending(o => o.OrderedAt).Select(o => o.ExternalId).FirstAsync();
        store.CancelOrder(recent);
        var added = store.AddOrder(0, "aojiru-30");

        var second = await PullAsync();

        Assert.InRange(second.Orders, 2, store.OrderCount / 5); // the recent span, not the history
        await using (var db = _db.CreateDbContext())
        {
            Assert.True((await db.CartOrders.SingleAsync(o => o.ExternalId == recent)).Cancelled);
            Assert.Equal(store.CustomerEmail(0), (await db.CartOrders.SingleAsync(o => o.ExternalId == added)).CustomerExternalId);
            Assert.Equal(store.OrderCount, await db.CartOrders.CountAsync());
        }
    }

    [Fact]
    public async Task Expired_licence_marks_the_connection_in_error_with_the_renewal_message()
    {
        _sandbox.Store.Faults.LicenseExpired = true;

        var run = await _runs.StartAsync(_bot, "test", "テスト", CancellationToken.None);
        var result = await _sync.PullBotAsync(_bot, run, CancellationToken.None);

        var error = Assert.Single(result.Errors);
        Assert.Contains("新しいlicenseKeyを発行", error);
        await using var db = _db.CreateDbContext();
        var connection = await db.CartConnections.SingleAsync();
        Assert.Equal(ConnectionState.Error, connection.State);
        Assert.Contains("外部連携でlicenseKeyを更新してください", connection.LastError);
        Assert.Null(connection.OrderCursor);
    }
}
