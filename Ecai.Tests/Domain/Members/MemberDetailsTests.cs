using Ecai.Domain.Carts;
using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Ecai.Tests.Support.CartRecords;

namespace Ecai.Tests.Domain.Members;

public sealed class MemberDetailsTests : IAsyncLifetime
{
    private DomainFixture _f = null!;
    private MemberDetails _details = null!;
    private int _bot;
    private long _member;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _details = new MemberDetails(_f.Db, [_f.Carts], new MemberPurchases(_f.Db, _f.Clock), new MatchHealth(_f.Db));
        _bot = await _f.AddBotAsync();
        await _f.ConnectAsync(_bot);
        await _f.Members.AddAsync(_bot, [new NewMember("U1", "山田", T0, "090-1111-2222")], CancellationToken.None);
        // Two customer numbers with one phone in one cart: both link, and all their purchases count.
        _f.Carts.Customers.AddRange([Customer("A", "090-1111-2222", minute: 1), Customer("B", "09011112222", minute: 2),
            Customer("Z", "070-1234-1111", minute: 2)]); // Z has no order
        _f.Carts.Orders.AddRange([
            Order("1", "A", minute: 3, amount: 3980, product: "P-1"),
            Order("2", "B", minute: 4, amount: 5980, product: "P-2") with
            {
                DeliveryMethod = "ヤマト運輸", ShippedAt = T0.AddDays(1), DeliveryDate = new DateOnly(2026, 12, 10), DeliveryTime = "午前中",
            },
            Order("3", "B", minute: 5, amount: 1000) with { Cancelled = true },
        ]);
        await _f.PullAsync(_bot);
        await using var db = _f.Db.CreateDbContext();
        _member = await db.Members.Where(m => m.LineUserId == "U1").Select(m => m.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Shows_every_linked_customer_with_a_deep_link_and_counts_their_purchases_but_not_cancellations()
    {
        var detail = await _details.GetAsync(_bot, _member, CancellationToken.None);

        Assert.NotNull(detail);
        Assert.Equal(["A", "B"], detail.Customers.Select(c => c.CustomerExternalId));
        Assert.All(detail.Customers, c => Assert.Equal((CartKind.Ecforce, LinkKey.Phone), (c.Kind, c.Key)));
        Assert.Equal($"https://shop{_bot}.example.jp/customers/A", detail.Customers[0].CustomerPageUrl);
        Assert.Equal((2, 3980L + 5980), (detail.Purchases.OrderCount, detail.Purchases.OrderTotal));
        var orders = detail.Purchases.Recent;
        Assert.Equal(["3", "2", "1"], orders.Select(o => o.OrderExternalId));
        Assert.Equal(("ヤマト運輸", "商品P-2", false), (orders[1].DeliveryMethod, orders[1].Products, orders[1].Cancelled));
        Assert.True(orders[0].Cancelled);
        Assert.Equal((new DateOnly(2026, 12, 10), "午前中"), (orders[1].DeliveryDate, orders[1].DeliveryTime));
        Assert.Equal((null, null), (orders[2].DeliveryDate, orders[2].DeliveryTime));
    }

    [Fact]
    public async Task Another_bots_member_is_not_shown()
    {
        var other = await _f.AddBotAsync("別ショップ");

        Assert.Null(await _details.GetAsync(other, _member, CancellationToken.None));
    }

    [Theory]
    [InlineData("070-1234-1111", null, "この電話番号のカート顧客はいますが、受注がないため連携していません")]
    [InlineData("080-9999-8888", null, "登録された電話番号(Shopifyはメールアドレス)に一致するカート顧客がまだ取り込まれていません")]
    [InlineData("12345", null, "登録された電話番号は日本の電話番号として読み取れません")]
    [InlineData(null, null, "電話番号もメールアドレスも登録されていません")]
    [InlineData(null, "hana@example.jp", "メールアドレスで連携するのはShopifyだけです")]
    public async Task A_member_who_is_not_linked_is_told_why(string? phone, string? email, string reason)
    {
        await _f.Members.AddAsync(_bot, [new NewMember("U9", "花子", T0, phone, email)], CancellationToken.None);
        await _f.Linker.LinkBotAsync(_bot, CancellationToken.None);
        await using var db = _f.Db.CreateDbContext();
        var id = await db.Members.Where(m => m.LineUserId == "U9").Select(m => m.Id).SingleAsync();

        var detail = await _details.GetAsync(_bot, id, CancellationToken.None);

        Assert.Empty(detail!.Customers);
        Assert.Contains(detail.NotLinkedReasons, r => r.StartsWith(reason, StringComparison.Ordinal));
        Assert.Empty((await _details.GetAsync(_bot, _member, CancellationToken.None))!.NotLinkedReasons);
    }

    [Fact]
    public async Task Purchase_history_shows_the_newest_12_orders_of_the_last_3_months_while_totals_count_every_order()
    {
        // The clock is 2026-11-28: 14 orders in November and one from July (older than 3 months).
        _f.Carts.Orders.AddRange(Enumerable.Range(10, 14).Select(i => Order(i.ToString(), "A", minute: 10 + i, amount: 100)));
        _f.Carts.Orders.Add(Order("old", "A", minute: 40, amount: 100) with { OrderedAt = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero) });
        await _f.PullAsync(_bot);

        var purchases = (await _details.GetAsync(_bot, _member, CancellationToken.None))!.Purchases;

        Assert.Equal(MemberPurchases.RecentShown, purchases.Recent.Count);
        Assert.Equal("23", purchases.Recent[0].OrderExternalId);
        Assert.DoesNotContain(purchases.Recent, o => o.OrderExternalId == "old");
        Assert.Equal((2 + 14 + 1, 3980L + 5980 + 15 * 100), (purchases.OrderCount, purchases.OrderTotal));
    }

    [Fact]
    public async Task Each_cart_shows_its_own_count_amount_and_continuation_status()
    {
        _f.Carts.Subscriptions.AddRange([
            new CartSubscriptionRecord("S1", "A", ContinuationStatus.Cancelled, "解約", "P-1", "定期便", null, T0),
            new CartSubscriptionRecord("S2", "B", ContinuationStatus.Paused, "停止", "P-2", "定期便", null, T0)]);
        await _f.PullAsync(_bot);

        var cart = Assert.Single((await _details.GetAsync(_bot, _member, CancellationToken.None))!.Purchases.PerCart);

        Assert.Equal(new CartPurchaseSummary(CartKind.Ecforce, 2, 3980 + 5980, ContinuationStatus.Paused), cart);
    }
}
