using Ecai.Domain.Carts;
using Ecai.Domain.Members;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Ecai.Tests.Support.CartRecords;

namespace Ecai.Tests.Domain.Carts;

/// <summary>
/// What the other carts bring beyond ecforce's shape: buyers riding on orders (Rakuten, 楽楽リピート),
/// subscription state reported by orders (Rakuten, Shopify's app tags), abandoned checkouts (Shopify),
/// webhook pushes, and per-connection pull frequency.
/// </summary>
public sealed class CartShapesTests : IAsyncLifetime
{
    private DomainFixture _f = null!;
    private int _bot;
    private int _connection;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _bot = await _f.AddBotAsync();
        _connection = await _f.ConnectAsync(_bot, CartKind.RakutenRms);
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static CartOrderRecord SubscriptionOrder(string id, string buyer, int minute, ContinuationStatus status, int times,
        string phone = "090-1111-2222") =>
        Order(id, buyer, minute) with
        {
            SubscriptionExternalId = "R-1", Times = times, SubscriptionStatus = status,
            Customer = Customer(buyer, phone, minute: minute) with { Number = buyer },
        };

    [Fact]
    public async Task Buyers_on_orders_become_customers_and_link_by_phone()
    {
        await _f.Members.AddAsync(_bot, [new NewMember("Uaaa", "会員", T0, "09011112222")], CancellationToken.None);
        _f.Carts.Orders.Add(SubscriptionOrder("1", "masked-a@pc.fw.rakuten.ne.jp", 1, ContinuationStatus.Active, 1));
        _f.Carts.Orders.Add(SubscriptionOrder("2", "masked-a@pc.fw.rakuten.ne.jp", 2, ContinuationStatus.Active, 2, phone: "090-1111-2222"));

        var result = await _f.PullAsync(_bot);

        Assert.Equal(1, result.NewLinks);
        await using var db = _f.Db.CreateDbContext();
        var customer = await db.CartCustomers.SingleAsync();
        Assert.Equal(("masked-a@pc.fw.rakuten.ne.jp", "+819011112222"), (customer.Number, customer.PhoneNormalized));
    }

    [Fact]
    public async Task The_newest_order_of_a_subscription_sets_its_status_and_an_older_one_arriving_later_does_not()
    {
        _f.Carts.Orders.Add(SubscriptionOrder("1", "B", 1, ContinuationStatus.Active, 1));
        _f.Carts.Orders.Add(SubscriptionOrder("2", "B", 5, ContinuationStatus.Cancelled, 2));
        await _f.PullAsync(_bot);

        await using (var db = _f.Db.CreateDbContext())
            Assert.Equal(ContinuationStatus.Cancelled, (await db.CartSubscriptions.SingleAsync()).Status);

        // The first order is updated later (e.g. its shipping date arrives) and still says Active.
        _f.Carts.Orders[0] = _f.Carts.Orders[0] with { UpdatedAt = T0.AddMinutes(30), ShippedAt = T0.AddDays(1) };
        await _f.PullAsync(_bot);

        await using (var db = _f.Db.CreateDbContext())
        {
            Assert.Equal(ContinuationStatus.Cancelled, (await db.CartSubscriptions.SingleAsync()).Status);
            Assert.Equal(T0.AddDays(1), (await db.CartOrders.SingleAsync(o => o.ExternalId == "1")).ShippedAt);
        }
    }

    [Fact]
    public async Task Cancelled_orders_and_delivery_methods_are_kept()
    {
        _f.Carts.Orders.Add(Order("1", "C", 1) with { Cancelled = true, DeliveryMethod = "ヤマト運輸" });
        await _f.PullAsync(_bot);

        await using var db = _f.Db.CreateDbContext();
        var order = await db.CartOrders.SingleAsync();
        Assert.Equal((true, "ヤマト運輸"), (order.Cancelled, order.DeliveryMethod));
    }

    [Fact]
    public async Task Abandoned_checkouts_are_imported_and_a_later_completion_is_kept()
    {
        CartCheckoutRecord Checkout(int minute, DateTimeOffset? completed) => new("tok-1", "9", " Buyer@Example.JP ", "090-3333-4444",
            "https://shop.example.jp/recover/tok-1", 5980, [new CartOrderItemRecord("P-1", "美容液", null, 1, 5980)],
            T0, T0.AddMinutes(minute), completed);
        _f.Carts.Checkouts.Add(Checkout(1, null));
        await _f.PullAsync(_bot);
        _f.Carts.Checkouts[0] = Checkout(9, T0.AddMinutes(9));
        await _f.PullAsync(_bot);

        await using var db = _f.Db.CreateDbContext();
        var checkout = await db.CartCheckouts.SingleAsync();
        Assert.Equal(("buyer@example.jp", "+819033334444", T0.AddMinutes(9)), (checkout.EmailNormalized, checkout.PhoneNormalized, checkout.CompletedAt));
        Assert.Contains("美容液", checkout.ItemsJson);
        Assert.Equal(T0.AddMinutes(9).ToString("O"), (await db.CartConnections.SingleAsync()).CheckoutCursor);
    }

    [Fact]
    public async Task A_pushed_delivery_is_imported_once_and_links_at_once()
    {
        await _f.Members.AddAsync(_bot, [new NewMember("Ubbb", "会員", T0, "09055556666")], CancellationToken.None);
        var pushes = new CartPushes(_f.Db, _f.Linker, _f.Rules, _f.Live, _f.Clock);
        var order = Order("77", "D", 1) with { Customer = Customer("D", "090-5555-6666", minute: 1) };

        Assert.Equal(PushOutcome.Imported, await pushes.ImportAsync(_connection, "delivery-1", [order], [], CancellationToken.None));
        Assert.Equal(PushOutcome.Duplicate, await pushes.ImportAsync(_connection, "delivery-1", [order with { Amount = 1 }], [], CancellationToken.None));
        Assert.Equal(PushOutcome.UnknownConnection, await pushes.ImportAsync(999, "delivery-2", [order], [], CancellationToken.None));

        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(3980, (await db.CartOrders.SingleAsync()).Amount);
        Assert.Equal(1, await db.CartLinks.CountAsync());
    }

    [Fact]
    public async Task An_older_copy_of_a_customer_never_overwrites_a_newer_one()
    {
        var pushes = new CartPushes(_f.Db, _f.Linker, _f.Rules, _f.Live, _f.Clock);
        var newer = Order("1", "E", 10) with { Customer = Customer("E", "090-7777-0001", minute: 10) };
        var older = Order("2", "E", 5) with { Customer = Customer("E", "090-7777-9999", minute: 5) };

        await pushes.ImportAsync(_connection, "d-1", [newer], [], CancellationToken.None);
        await pushes.ImportAsync(_connection, "d-2", [older], [], CancellationToken.None);

        await using var db = _f.Db.CreateDbContext();
        Assert.Equal("+819077770001", (await db.CartCustomers.SingleAsync()).PhoneNormalized);
        Assert.Equal(2, await db.CartOrders.CountAsync());
    }

    [Fact]
    public async Task A_last_page_with_only_a_newer_cursor_still_moves_the_cursor()
    {
        _f.Carts.Orders.Add(Order("1", "F", 1));
        _f.Carts.TrailingOrderCursor = "done|2026-11-28";

        await _f.PullAsync(_bot);

        await using var db = _f.Db.CreateDbContext();
        Assert.Equal("done|2026-11-28", (await db.CartConnections.SingleAsync()).OrderCursor);
    }

    [Fact]
    public async Task The_scheduler_pulls_a_connection_again_only_when_its_interval_has_passed()
    {
        Assert.Equal([_bot], await _f.Sync.BotsToPullAsync(null, CancellationToken.None)); // never pulled: due now
        await _f.PullAsync(_bot);

        await using (var db = _f.Db.CreateDbContext())
            Assert.Equal(_f.Clock.GetUtcNow().AddMinutes(60), (await db.CartConnections.SingleAsync()).NextPullAt);
        Assert.Empty(await _f.Sync.BotsToPullAsync(null, CancellationToken.None));
        Assert.Equal([_bot], await _f.Sync.BotsToPullAsync(_bot, CancellationToken.None)); // 今すぐ取り込む is never refused

        await _f.Connections.UpdateOptionsAsync(_bot, _connection, new ConnectionOptions(false, false, 15, null), await _f.ConnectionVersionAsync(_connection), CancellationToken.None);
        _f.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal([_bot], await _f.Sync.BotsToPullAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task A_due_only_pull_leaves_connections_that_are_not_due()
    {
        var ecforce = await _f.ConnectAsync(_bot, CartKind.Ecforce);
        await _f.PullAsync(_bot);
        await _f.Connections.UpdateOptionsAsync(_bot, ecforce, new ConnectionOptions(false, false, 15, null), await _f.ConnectionVersionAsync(ecforce), CancellationToken.None);
        _f.Clock.Advance(TimeSpan.FromMinutes(20));

        var run = await _f.Runs.StartAsync(_bot, "test", "テスト", CancellationToken.None);
        await _f.Sync.PullBotAsync(_bot, run, CancellationToken.None, dueOnly: true);

        await using var db = _f.Db.CreateDbContext();
        var pulled = await db.CartConnections.OrderBy(c => c.Id).Select(c => c.LastPulledAt).ToListAsync();
        Assert.Equal([_f.Clock.GetUtcNow().AddMinutes(-20), _f.Clock.GetUtcNow()], pulled);
    }
}
