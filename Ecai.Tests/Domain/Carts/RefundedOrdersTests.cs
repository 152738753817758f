using Ecai.Domain.Carts;
using Ecai.Domain.Members;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Ecai.Tests.Support.CartRecords;

namespace Ecai.Tests.Domain.Carts;

/// <summary>
/// An imported order that is later refunded or cancelled in the cart stops counting on the next update; a partial refund
/// counts with what is left; custom lines (no product) are kept without becoming products; currencies are kept.
/// </summary>
public sealed class RefundedOrdersTests : IAsyncLifetime
{
    private DomainFixture _f = null!;
    private MemberPurchases _purchases = null!;
    private MemberSearch _search = null!;
    private int _bot;
    private long _member;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _purchases = new MemberPurchases(_f.Db, _f.Clock);
        _search = new MemberSearch(_f.Db);
        _bot = await _f.AddBotAsync();
        await _f.ConnectAsync(_bot, CartKind.Shopify);
        await _f.Members.AddAsync(_bot, [new NewMember("U1", "山田", T0, Email: "hana@example.jp")], CancellationToken.None);
        _f.Carts.Customers.Add(Customer("A", email: "hana@example.jp", minute: 1));
        _f.Carts.Orders.AddRange([
            Order("1", "A", minute: 2, amount: 8800, product: "SKN-MST-01"),
            Order("2", "A", minute: 3, amount: 1980, product: "TEA-HRB-01"),
            Order("3", "A", minute: 4, amount: 3300, product: "OIL-CLN-01"),
        ]);
        await _f.PullAsync(_bot);
        await using var db = _f.Db.CreateDbContext();
        _member = await db.Members.Where(m => m.LineUserId == "U1").Select(m => m.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private Task<long> CountAsync(MemberFilter filter) => _search.CountAsync(_bot, filter, CancellationToken.None);

    /// <summary>The cart reports a change: the same order, updated later.</summary>
    private async Task UpdateAsync(string id, Func<CartOrderRecord, CartOrderRecord> change, int minute)
    {
        var index = _f.Carts.Orders.FindIndex(o => o.ExternalId == id);
        _f.Carts.Orders[index] = change(_f.Carts.Orders[index]) with { UpdatedAt = T0.AddMinutes(minute) };
        await _f.PullAsync(_bot);
    }

    [Fact]
    public async Task Refunded_and_cancelled_orders_stop_counting_and_a_partial_refund_counts_its_remainder()
    {
        var before = await _purchases.GetAsync(_member, CancellationToken.None);
        Assert.Equal((3, 8800L + 1980 + 3300), (before.OrderCount, before.OrderTotal));
        Assert.Equal(1, await CountAsync(new MemberFilter { PurchaseCountMin = 3 }));

        await UpdateAsync("1", o => o with { Amount = 4400 }, minute: 10);          // partially_refunded: 4,400 of 8,800 back
        await UpdateAsync("2", o => o with { Cancelled = true }, minute: 11);       // refunded in full
        await UpdateAsync("3", o => o with { Cancelled = true }, minute: 12);       // cancelled (cancelled_at)

        var after = await _purchases.GetAsync(_member, CancellationToken.None);
        Assert.Equal((1, 4400L), (after.OrderCount, after.OrderTotal));
        Assert.Equal((1, 4400L), (Assert.Single(after.PerCart).Orders, after.PerCart[0].Amount));
        Assert.Equal(0, await CountAsync(new MemberFilter { PurchaseCountMin = 2 }));
        Assert.Equal(1, await CountAsync(new MemberFilter { PurchaseCountMin = 1, AmountMin = 4400, AmountMax = 4400 }));
        Assert.Equal(0, await CountAsync(new MemberFilter { ProductCode = "TEA-HRB-01" }));
        Assert.Equal(0, await CountAsync(new MemberFilter { ProductCode = "OIL-CLN-01" }));
        Assert.Equal(1, await CountAsync(new MemberFilter { ProductCode = "SKN-MST-01" }));
        // Still listed in the history, marked as cancelled.
        Assert.Equal([false, true, true], after.Recent.OrderBy(o => o.OrderExternalId).Select(o => o.Cancelled));
    }

    [Fact]
    public async Task A_custom_line_is_kept_with_its_title_but_is_no_product()
    {
        _f.Carts.Orders.Add(Order("4", "A", minute: 20, amount: 3630, product: "OIL-CLN-01") with
        {
            Items = [new CartOrderItemRecord("OIL-CLN-01", "クレンジングオイル", null, 1, 3300), new CartOrderItemRecord("", "ギフト包装", null, 1, 330)],
        });

        await _f.PullAsync(_bot);

        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(["クレンジングオイル", "ギフト包装"], await db.CartOrderItems.Where(i => i.OrderExternalId == "4").OrderBy(i => i.LineNo)
            .Select(i => i.ProductName).ToListAsync());
        Assert.DoesNotContain(await _search.ProductsAsync(_bot, CancellationToken.None), p => p.Code == "");
        var order = (await _purchases.GetAsync(_member, CancellationToken.None)).Recent.Single(o => o.OrderExternalId == "4");
        Assert.Equal("クレンジングオイル、ギフト包装", order.Products);
    }

    [Fact]
    public async Task An_order_in_another_currency_keeps_its_minor_units_and_currency()
    {
        _f.Carts.Orders.Add(Order("5", "A", minute: 30, amount: 5748) with { Currency = "USD" });

        await _f.PullAsync(_bot);

        var history = await _purchases.GetAsync(_member, CancellationToken.None);
        var order = history.Recent.Single(o => o.OrderExternalId == "5");
        Assert.Equal((5748L, "USD"), (order.Amount, order.Currency));
        Assert.Null(history.Recent.Single(o => o.OrderExternalId == "1").Currency);
    }
}
