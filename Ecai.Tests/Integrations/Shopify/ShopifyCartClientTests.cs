using Ecai.Domain.Carts;
using Ecai.Domain.Linking;
using Ecai.Integrations.Carts.Shopify;
using Ecai.Integrations.Carts.Shopify.Sandbox;

namespace Ecai.Tests.Integrations.Shopify;

/// <summary>The connector against the sandbox over real HTTP on 127.0.0.1.</summary>
public sealed class ShopifyCartClientTests : IAsyncLifetime
{
    private ShopifyTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ShopifyTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Orders_follow_the_link_header_to_the_end_and_leave_out_pending_ones()
    {
        var pages = await ShopifyTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None));

        var orders = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(5, pages.Count); // 1,234 orders at 250 per page
        Assert.Equal(5, _host.Store.Faults.ApiRequests);
        Assert.Equal(_host.ExpectedOrderIds().Order(), orders.Select(o => o.ExternalId).Order());
        Assert.True(orders.Count < _host.Store.OrderCount, "pending orders are left out");
        Assert.Equal(orders.OrderBy(o => o.UpdatedAt).Select(o => o.ExternalId), orders.Select(o => o.ExternalId));
        Assert.Contains(orders, o => o.Cancelled);
        Assert.All(pages, p => Assert.Empty(p.Skipped));
        Assert.All(orders, o => Assert.NotEmpty(o.Items));
        Assert.Equal(ShopifyCartClient.FormatCursor(orders.Max(o => o.UpdatedAt)), pages[^1].Cursor);
        Assert.Equal(pages.Select(p => p.Cursor).Order(StringComparer.Ordinal), pages.Select(p => p.Cursor));
    }

    [Fact]
    public async Task Customers_all_arrive_with_their_emails_including_those_without_orders()
    {
        var pages = await ShopifyTestHost.PullAllAsync(_host.Client().CustomersSinceAsync(null, CancellationToken.None));

        var customers = pages.SelectMany(p => p.Items).ToDictionary(c => c.ExternalId);
        Assert.Equal(_host.Store.CustomerCount, customers.Count);
        for (var i = 0; i < _host.Store.CustomerCount; i++)
            Assert.Equal(_host.Store.CustomerEmail(i), customers[ShopifyStore.CustomerId(i)].Email);
        Assert.Contains(Enumerable.Range(0, _host.Store.CustomerCount), i => !_host.Store.CustomerHasOrders(i) && _host.Store.CustomerEmail(i) is not null);
        Assert.Contains(customers.Values, c => c.Email is null);
        Assert.Contains(customers.Values, c => PhoneNormalizer.Normalize(c.PhoneRaw) is not null);
        Assert.All(customers.Values, c => Assert.False(string.IsNullOrWhiteSpace(c.Name)));
    }

    [Fact]
    public async Task Subscription_tags_are_read_only_for_orders_from_the_tag_date()
    {
        var orders = (await ShopifyTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None))).SelectMany(p => p.Items).ToList();
        var subscriptionSkus = ShopifyProduct.Subscriptions.Select(p => p.Sku).ToHashSet();

        var tagged = orders.Where(o => o.SubscriptionExternalId is not null).ToList();
        Assert.NotEmpty(tagged);
        Assert.All(tagged, o =>
        {
            Assert.True(o.OrderedAt >= _host.Store.SubscriptionTagsSince);
            Assert.InRange(o.Times ?? 0, 1, 12);
            Assert.Contains(o.Items[0].ProductCode, subscriptionSkus);
        });
        Assert.Equal([ContinuationStatus.Active, ContinuationStatus.Paused, ContinuationStatus.Cancelled],
            tagged.Select(o => o.SubscriptionStatus!.Value).Distinct().Order());
        // Subscription products bought before the app's tag setting are single purchases.
        var before = orders.Where(o => o.OrderedAt < _host.Store.SubscriptionTagsSince && subscriptionSkus.Contains(o.Items[0].ProductCode)).ToList();
        Assert.NotEmpty(before);
        Assert.All(before, o => Assert.Equal((null, null, null), (o.SubscriptionExternalId, o.Times, o.SubscriptionStatus)));
    }

    [Fact]
    public async Task Without_a_tag_date_no_order_carries_a_subscription()
    {
        var orders = (await ShopifyTestHost.PullAllAsync(_host.Client(tags: false).OrdersSinceAsync(null, CancellationToken.None))).SelectMany(p => p.Items);

        Assert.All(orders, o => Assert.Null(o.SubscriptionExternalId));
    }

    [Fact]
    public async Task Delivery_method_names_only_the_three_carriers()
    {
        var orders = (await ShopifyTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None))).SelectMany(p => p.Items).ToList();

        Assert.Equal(new HashSet<string> { "ヤマト運輸", "佐川急便", "日本郵便" }, orders.Select(o => o.DeliveryMethod).OfType<string>().ToHashSet());
        Assert.Contains(orders, o => o.ShippedAt is not null && o.DeliveryMethod is null); // Seino, Fukuyama, other
        Assert.All(orders.Where(o => o.DeliveryMethod is not null), o => Assert.NotNull(o.ShippedAt));
    }

    [Fact]
    public async Task Cursor_returns_only_what_changed_since()
    {
        var client = _host.Client();
        var first = await ShopifyTestHost.PullAllAsync(client.OrdersSinceAsync(null, CancellationToken.None));
        var customersFirst = await ShopifyTestHost.PullAllAsync(client.CustomersSinceAsync(null, CancellationToken.None));
        var added = _host.Store.AddOrder(3, "TEA-HRB-01", trackingCompany: "Japan Post (JA)");
        _host.Store.AddOrder(4, "TEA-HRB-01", financialStatus: "pending");
        _host.Store.TouchCustomer(5, email: "changed@example.jp");

        var orders = (await ShopifyTestHost.PullAllAsync(client.OrdersSinceAsync(first[^1].Cursor, CancellationToken.None))).SelectMany(p => p.Items).ToList();
        var customers = (await ShopifyTestHost.PullAllAsync(client.CustomersSinceAsync(customersFirst[^1].Cursor, CancellationToken.None))).SelectMany(p => p.Items).ToList();

        var order = Assert.Single(orders, o => o.ExternalId == (5_600_000_001L + added).ToString());
        Assert.Equal("日本郵便", order.DeliveryMethod);
        Assert.True(orders.Count <= 3, $"only the new order and the last second re-read, got {orders.Count}");
        Assert.Contains(customers, c => c.ExternalId == ShopifyStore.CustomerId(5) && c.Email == "changed@example.jp");
        Assert.True(customers.Count <= 3, $"got {customers.Count}");
    }

    [Fact]
    public async Task Checkouts_arrive_with_their_own_cursor_and_a_completion_later_is_picked_up()
    {
        var client = (ICheckoutSource)_host.Client();
        var pages = await ShopifyTestHost.PullAllAsync(client.CheckoutsSinceAsync(null, CancellationToken.None));

        var checkouts = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(_host.Store.CheckoutCount, checkouts.Count);
        Assert.Contains(checkouts, c => c.CompletedAt is not null);
        Assert.Contains(checkouts, c => c.CompletedAt is null);
        Assert.All(checkouts, c =>
        {
            Assert.Contains($"/checkouts/ac/{c.Token}/recover", c.RecoveryUrl);
            Assert.NotEmpty(c.Items);
            Assert.True(c.Amount > 0);
        });
        Assert.Contains(checkouts, c => c.PhoneRaw is not null && c.Email is not null);
        var open = checkouts.Select((c, i) => (c, i)).First(x => x.c.CompletedAt is null).i;

        _host.Store.CompleteCheckout(open);
        var later = (await ShopifyTestHost.PullAllAsync(client.CheckoutsSinceAsync(pages[^1].Cursor, CancellationToken.None))).SelectMany(p => p.Items).ToList();

        Assert.NotNull(Assert.Single(later, c => c.Token == checkouts[open].Token).CompletedAt);
    }

    [Fact]
    public async Task Subscriptions_have_no_list_of_their_own()
    {
        var pages = await ShopifyTestHost.PullAllAsync(_host.Client().SubscriptionsSinceAsync(null, CancellationToken.None));

        Assert.Empty(pages);
        Assert.Equal(0, _host.Store.Faults.ApiRequests);
    }

    [Fact]
    public async Task Wrong_token_is_a_japanese_connection_error_for_pull_and_check()
    {
        var pull = await Assert.ThrowsAsync<CartConnectionException>(() =>
            ShopifyTestHost.PullAllAsync(_host.Client(token: "shpat_wrong").OrdersSinceAsync(null, CancellationToken.None)));
        var check = await Assert.ThrowsAsync<CartConnectionException>(() => _host.Client(token: "shpat_wrong").CheckAsync(CancellationToken.None));

        Assert.Contains("アクセストークンが正しくありません", pull.Message);
        Assert.Equal(pull.Message, check.Message);
        Assert.NotNull(pull.Hint);
    }

    [Fact]
    public async Task Revoked_token_fails_the_check()
    {
        await _host.Client().CheckAsync(CancellationToken.None);
        Assert.Equal(1, _host.Store.Faults.ApiRequests);

        _host.Store.Faults.RejectAllTokens = true;

        await Assert.ThrowsAsync<CartConnectionException>(() => _host.Client().CheckAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Wrong_shop_path_is_reported_as_a_shop_not_found()
    {
        var error = await Assert.ThrowsAsync<CartConnectionException>(() => _host.Client(baseUrl: _host.Server.BaseUrl + "/nowhere").CheckAsync(CancellationToken.None));

        Assert.Contains("ストア", error.Message);
    }

    [Fact]
    public async Task Malformed_orders_are_skipped_and_reported_without_failing_the_pull()
    {
        _host.Store.Faults.MalformedOrderEvery = 50;

        var pages = await ShopifyTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None));

        var skipped = pages.SelectMany(p => p.Skipped).ToList();
        var expectedIds = _host.ExpectedOrderIds();
        var broken = Enumerable.Range(0, _host.Store.OrderCount).Where(i => (i + 1) % 50 == 0)
            .Select(i => (5_600_000_001L + i).ToString()).Where(expectedIds.Contains).ToList();
        Assert.NotEmpty(broken);
        Assert.Equal(broken.Order(), skipped.Select(s => s.ExternalId!).Order());
        Assert.Contains(skipped, s => s.Reason.Contains("created_at"));
        Assert.Contains(skipped, s => s.Reason.Contains("顧客"));
        Assert.Equal(expectedIds.Count - broken.Count, pages.Sum(p => p.Items.Count));
        Assert.Equal(5, pages.Count);
    }

    private async Task<List<CartOrderRecord>> AllOrdersAsync(ICartClient? client = null) =>
        (await ShopifyTestHost.PullAllAsync((client ?? _host.Client()).OrdersSinceAsync(null, CancellationToken.None))).SelectMany(p => p.Items).ToList();

    [Fact]
    public async Task Shipping_date_is_the_first_successful_fulfilment_and_the_requested_delivery_is_read()
    {
        var orders = await AllOrdersAsync();

        var withFailure = orders.Where(o => _host.Store.OrderDetails(ShopifyTestHost.IndexOf(o)).HasFailedFulfilment).ToList();
        Assert.NotEmpty(withFailure);
        Assert.All(orders, o =>
        {
            var expected = _host.Store.OrderDetails(ShopifyTestHost.IndexOf(o));
            Assert.Equal(expected.ShippedAt, o.ShippedAt);
            Assert.Equal((expected.DeliveryDate, expected.DeliveryTime), (o.DeliveryDate, o.DeliveryTime));
        });
        Assert.All(withFailure, o => Assert.NotNull(o.ShippedAt)); // a failure before a success: shipped at the success
        Assert.Contains(orders, o => o.DeliveryDate is not null && o.DeliveryTime is not null);
        Assert.Contains(orders, o => o.DeliveryDate is not null && o.DeliveryTime is null);
    }

    [Fact]
    public async Task Refunded_orders_arrive_cancelled_and_partial_refunds_with_what_is_left()
    {
        var orders = await AllOrdersAsync();

        var partial = orders.Where(o => _host.Store.OrderFacts(ShopifyTestHost.IndexOf(o)).FinancialStatus == "partially_refunded").ToList();
        var refunded = orders.Where(o => _host.Store.OrderFacts(ShopifyTestHost.IndexOf(o)).FinancialStatus is "refunded" or "voided").ToList();
        Assert.NotEmpty(partial);
        Assert.NotEmpty(refunded);
        Assert.All(refunded, o => Assert.True(o.Cancelled));
        Assert.All(partial, o =>
        {
            Assert.False(o.Cancelled);
            Assert.Equal(_host.Store.OrderDetails(ShopifyTestHost.IndexOf(o)).Remaining, o.Amount);
            Assert.True(o.Amount < o.Items.Sum(i => i.Price * i.Quantity), "less than was ordered");
        });
        Assert.All(orders.Where(o => !o.Cancelled), o => Assert.Equal(_host.Store.OrderDetails(ShopifyTestHost.IndexOf(o)).Remaining, o.Amount));
    }

    [Fact]
    public async Task Orders_with_custom_lines_arrive_whole_with_the_custom_line_titled()
    {
        var orders = await AllOrdersAsync();

        var custom = orders.Where(o => _host.Store.OrderDetails(ShopifyTestHost.IndexOf(o)).CustomLines > 0).ToList();
        Assert.NotEmpty(custom);
        Assert.All(custom, o =>
        {
            Assert.Contains(o.Items, i => i.ProductCode == "" && i.ProductName == ShopifyProduct.GiftWrap.Title && i.Price == ShopifyProduct.GiftWrap.Price);
            Assert.Contains(o.Items, i => i.ProductCode != "");
        });
        Assert.Equal(_host.ExpectedOrderIds().Order(), orders.Select(o => o.ExternalId).Order());
    }

    [Fact]
    public async Task A_refund_or_cancellation_after_import_arrives_with_the_next_pull()
    {
        var client = _host.Client();
        var partial = _host.Store.AddOrder(3, "TEA-HRB-01");        // 1,980
        var full = _host.Store.AddOrder(4, "OIL-CLN-01");           // 3,300
        var cancelled = _host.Store.AddOrder(5, "SKN-MST-01", financialStatus: "authorized");
        var first = await ShopifyTestHost.PullAllAsync(client.OrdersSinceAsync(null, CancellationToken.None));

        _host.Store.RefundOrder(partial, 980);
        _host.Store.RefundOrder(full);
        _host.Store.CancelOrder(cancelled);
        var later = (await ShopifyTestHost.PullAllAsync(client.OrdersSinceAsync(first[^1].Cursor, CancellationToken.None))).SelectMany(p => p.Items)
            .ToDictionary(o => ShopifyTestHost.IndexOf(o));

        Assert.Equal((1000L, false), (later[partial].Amount, later[partial].Cancelled));
        Assert.True(later[full].Cancelled);
        Assert.True(later[cancelled].Cancelled);
        Assert.Equal(("voided", true), (_host.Store.OrderFacts(cancelled).FinancialStatus, _host.Store.OrderFacts(cancelled).Cancelled));
    }

    [Fact]
    public async Task A_shop_in_another_currency_keeps_the_decimals_in_minor_units()
    {
        await using var usd = await ShopifyTestHost.StartAsync(orders: 300, currency: "USD");

        var orders = (await ShopifyTestHost.PullAllAsync(usd.Client().OrdersSinceAsync(null, CancellationToken.None))).SelectMany(p => p.Items).ToList();

        Assert.NotEmpty(orders);
        Assert.All(orders, o => Assert.Equal("USD", o.Currency));
        Assert.All(orders.Where(o => !o.Cancelled), o => Assert.Equal(usd.Store.OrderDetails(ShopifyTestHost.IndexOf(o)).Remaining, o.Amount));
        Assert.Contains(orders, o => o.Items.Any(i => i.Price == 3300)); // $33.00 read as 3,300 cents, not rounded to 33
        Assert.All(await AllOrdersAsync(), o => Assert.Equal("JPY", o.Currency));
    }
}
