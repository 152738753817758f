using Ecai.Domain.Carts;
using Ecai.Domain.Linking;
using Ecai.Integrations.Carts.Rakuten;
using Ecai.Integrations.Carts.Rakuten.Sandbox;

namespace Ecai.Tests.Integrations.Rakuten;

/// <summary>The connector against the sandbox over real HTTP on 127.0.0.1.</summary>
public sealed class RakutenCartClientTests : IAsyncLifetime
{
    private RakutenTestHost _host = null!;

    public async Task InitializeAsync() => _host = await RakutenTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<List<CartPage<CartOrderRecord>>> PullAsync(string? cursor = null, ICartClient? client = null) =>
        RakutenTestHost.PullAllAsync((client ?? _host.Client()).OrdersSinceAsync(cursor, CancellationToken.None));

    [Fact]
    public async Task Orders_carry_the_delivery_date_and_slot_the_buyer_asked_for()
    {
        var number = _host.Store.OrderNumber(3);
        _host.Store.RequestDelivery(number, new DateOnly(2026, 12, 24), 1416);

        var orders = (await PullAsync()).SelectMany(p => p.Items).ToList();

        var requested = orders.Single(o => o.ExternalId == number);
        Assert.Equal((new DateOnly(2026, 12, 24), "14:00-16:00"), (requested.DeliveryDate, requested.DeliveryTime));
        // The sandbox's own buyers ask for a day on some orders, not on others, as RMS shops see.
        Assert.Contains(orders, o => o.DeliveryDate is null && o.DeliveryTime is null);
        Assert.Contains(orders, o => o.ExternalId != number && o.DeliveryDate is not null && o.DeliveryTime is not null);
        Assert.All(orders.Where(o => o.DeliveryTime is not null), o => Assert.Matches(@"^(午前中|午後|\d\d:00-\d\d:00)$", o.DeliveryTime));
    }

    [Fact]
    public async Task First_pull_walks_the_history_window_by_window_every_order_once_in_order_date_order()
    {
        var pages = await PullAsync();

        var orders = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(_host.Store.OrderCount, orders.Count);
        Assert.Equal(orders.Count, orders.Select(o => o.ExternalId).Distinct().Count());
        Assert.Equal(orders.OrderBy(o => o.OrderedAt).Select(o => o.ExternalId), orders.Select(o => o.ExternalId));
        Assert.All(pages, p => Assert.Empty(p.Skipped));
        Assert.All(pages, p => Assert.True(p.Items.Count <= 20)); // one getOrder batch per page
        Assert.All(orders, o => Assert.NotEmpty(o.Items));
        Assert.All(orders, o => Assert.True(o.Amount >= 0));
        Assert.Contains(orders, o => o.ShippedAt is not null && o.DeliveryMethod is not null);
        Assert.Contains(orders, o => o.Cancelled);
        Assert.Contains(orders, o => o.SubscriptionExternalId is not null && o.Times is not null && o.SubscriptionStatus == ContinuationStatus.Active);
        // Every page but the last carries a walk position; the last says the history is in.
        Assert.All(pages.SkipLast(1), p => Assert.StartsWith("walk|", p.Cursor));
        Assert.StartsWith("done|", pages[^1].Cursor);
        // Windows follow one another 60 days apart, from 730 days back (less the margin) to now: 13 of them.
        var starts = pages.Where(p => p.Cursor!.StartsWith("walk|")).Select(p => p.Cursor!.Split('|')[1]).Distinct()
            .Select(t => RakutenTime.TryParse(t, out var at) ? at : default).ToList();
        Assert.Equal(13, starts.Count);
        Assert.All(starts.Zip(starts.Skip(1)), w => Assert.Equal(TimeSpan.FromDays(60), w.Second - w.First));
    }

    [Fact]
    public async Task Buyers_ride_on_the_orders_with_masked_email_as_number_and_the_split_phone_joined()
    {
        var orders = (await PullAsync()).SelectMany(p => p.Items).ToList();

        var byEmail = Enumerable.Range(0, _host.Store.CustomerCount).ToDictionary(_host.Store.CustomerEmail);
        Assert.All(orders, o =>
        {
            var buyer = o.Customer!;
            Assert.Equal(o.CustomerExternalId, buyer.ExternalId);
            Assert.Equal(buyer.ExternalId, buyer.Number);
            Assert.EndsWith("@pc.fw.rakuten.ne.jp", buyer.Number);
            Assert.Null(buyer.Birthday);
            Assert.False(string.IsNullOrWhiteSpace(buyer.Name));
            var index = byEmail[buyer.Number!];
            Assert.Equal(PhoneNormalizer.Normalize(_host.Store.CustomerPhone(index)), PhoneNormalizer.Normalize(buyer.PhoneRaw));
        });
        var buyers = orders.Select(o => o.Customer!).DistinctBy(c => c.ExternalId).ToList();
        Assert.Contains(buyers, c => PhoneNormalizer.Normalize(c.PhoneRaw) is not null);
        Assert.Contains(buyers, c => c.PhoneRaw is null);
        Assert.True(buyers.Count < _host.Store.CustomerCount); // some customers never order
    }

    [Fact]
    public async Task Customers_and_subscriptions_yield_nothing_without_calling_rms()
    {
        var client = _host.Client();

        Assert.Empty(await RakutenTestHost.PullAllAsync(client.CustomersSinceAsync(null, CancellationToken.None)));
        Assert.Empty(await RakutenTestHost.PullAllAsync(client.SubscriptionsSinceAsync(null, CancellationToken.None)));
        Assert.Equal(0, _host.Store.Faults.ApiRequests);
    }

    [Fact]
    public async Task Get_order_is_called_in_batches_of_at_most_100()
    {
        await using var host = await RakutenTestHost.StartAsync(orders: 2_000, configure: o => (o.PageSize, o.BatchSize) = (1_000, 100));

        var orders = (await RakutenTestHost.PullAllAsync(host.Client().OrdersSinceAsync(null, CancellationToken.None))).SelectMany(p => p.Items).ToList();

        Assert.Equal(2_000, orders.Count);
        Assert.Equal(100, host.Store.Faults.LargestGetOrderBatch);
        // ~171 orders per 60-day window: two getOrder calls per window, never one more than needed.
        Assert.InRange(host.Store.Faults.GetOrderCalls, 2_000 / 100, 2_000 / 100 + 12);
    }

    [Fact]
    public async Task History_stops_at_what_the_api_reaches_two_years_back()
    {
        await using var host = await RakutenTestHost.StartAsync(shop: s => (s.Start, s.Span) = (DateTimeOffset.UtcNow.AddDays(-800), TimeSpan.FromDays(800)));
        var connectedAt = DateTimeOffset.UtcNow.AddDays(-5);

        var orders = (await RakutenTestHost.PullAllAsync(host.Client(connectedAt: connectedAt).OrdersSinceAsync(null, CancellationToken.None)))
            .SelectMany(p => p.Items).ToList();

        // No ERROR from the sandbox (which refuses starts older than 730 days); the older orders are left out.
        var floor = DateTimeOffset.UtcNow.AddDays(-730);
        Assert.All(orders, o => Assert.True(o.OrderedAt >= floor));
        Assert.InRange(orders.Count, 1, host.Store.OrderCount - 1);
        var expected = (int)host.Store.Range(floor.AddHours(1), DateTimeOffset.UtcNow).Count;
        Assert.InRange(orders.Count, expected - 1, expected + 1);
    }

    [Fact]
    public async Task Resuming_from_a_mid_history_cursor_reads_exactly_what_followed_it()
    {
        var first = await PullAsync();
        // A cursor in the middle of a search page (some of its numbers committed) of a middle window.
        var k = first.FindIndex(p => p.Cursor!.StartsWith("walk|") && !p.Cursor.EndsWith("|0") && first.IndexOf(p) > first.Count / 2);
        Assert.True(k > 0);

        var resumed = await PullAsync(first[k].Cursor);

        Assert.Equal(first.Skip(k + 1).SelectMany(p => p.Items).Select(o => o.ExternalId), resumed.SelectMany(p => p.Items).Select(o => o.ExternalId));
        Assert.StartsWith("done|", resumed[^1].Cursor);
    }

    [Fact]
    public async Task Later_pull_rereads_the_recent_span_and_sees_new_orders_shipments_and_cancellations()
    {
        var first = await PullAsync();
        var all = first.SelectMany(p => p.Items).ToList();
        var unshipped = all.Last(o => o.ShippedAt is null && !o.Cancelled);
        var toCancel = all.Last(o => !o.Cancelled && o.ExternalId != unshipped.ExternalId);
        var customer = Enumerable.Range(0, _host.Store.CustomerCount).First(i => !_host.Store.CustomerHasOrders(i));
        var added = _host.Store.AddOrder(customer, "teikei-kouso", 2);
        _host.Store.ShipOrder(unshipped.ExternalId, DateOnly.FromDateTime(DateTime.UtcNow), "1003");
        _host.Store.CancelOrder(toCancel.ExternalId);

        var second = await PullAsync(first[^1].Cursor);

        var orders = second.SelectMany(p => p.Items).ToDictionary(o => o.ExternalId);
        Assert.Equal(_host.Store.CustomerEmail(customer), orders[added].CustomerExternalId);
        Assert.Equal(5_400 * 2, orders[added].Amount);
        Assert.NotNull(orders[unshipped.ExternalId].ShippedAt);
        Assert.Equal("日本郵便", orders[unshipped.ExternalId].DeliveryMethod);
        Assert.True(orders[toCancel.ExternalId].Cancelled);
        // Only the recent span (60 days by 注文日) is read again, not the history.
        Assert.All(orders.Values, o => Assert.True(o.OrderedAt >= DateTimeOffset.UtcNow.AddDays(-61)));
        Assert.True(orders.Count < all.Count / 5);
        Assert.StartsWith("done|", second[^1].Cursor);
    }

    [Fact]
    public async Task Malformed_orders_are_skipped_and_reported_the_pull_goes_on()
    {
        _host.Store.Faults.MalformedOrderEvery = 100;

        var pages = await PullAsync();

        var skipped = pages.SelectMany(p => p.Skipped).ToList();
        Assert.Equal(12, skipped.Count); // orders 100, 200, … 1200
        Assert.Contains(skipped, s => s.Reason.StartsWith("注文日時(orderDatetime)"));
        Assert.Contains(skipped, s => s.Reason == "注文者(OrdererModel)がありません");
        Assert.All(skipped, s => Assert.EndsWith("00", s.ExternalId));
        Assert.Equal(_host.Store.OrderCount - 12, pages.Sum(p => p.Items.Count));
    }

    [Fact]
    public async Task Error_entry_in_a_200_stops_the_pull_with_the_carts_message()
    {
        _host.Store.Faults.NextBusinessError = "rpay.order.searchOrder の利用権限がありません。";

        var error = await Assert.ThrowsAsync<CartConnectionException>(() => PullAsync());

        Assert.StartsWith("楽天RMSがエラーを返しました: rpay.order.searchOrder の利用権限がありません。", error.Message);
        Assert.Equal(1, _host.Store.Faults.ApiRequests); // nothing more was asked
    }

    [Fact]
    public async Task Wrong_license_key_tells_the_operator_to_issue_a_new_one()
    {
        var error = await Assert.ThrowsAsync<CartConnectionException>(() => PullAsync(client: _host.Client(license: "SL-wrong")));

        Assert.Contains("新しいlicenseKeyを発行し、外部連携でlicenseKeyを更新してください", error.Message);
        Assert.Equal(1, _host.Store.Faults.ApiRequests); // 401 is not retried
    }

    [Fact]
    public async Task Expired_license_key_tells_the_operator_to_issue_a_new_one_with_rms_words()
    {
        _host.Store.Faults.LicenseExpired = true;

        var error = await Assert.ThrowsAsync<CartConnectionException>(() => _host.Client().CheckAsync(CancellationToken.None));

        Assert.Contains("licenseKeyの有効期限が切れている", error.Message);
        Assert.Contains("(楽天RMS: licenseKeyの有効期限が切れています。)", error.Message);
    }

    [Fact]
    public async Task Check_makes_one_search()
    {
        await _host.Client().CheckAsync(CancellationToken.None);

        Assert.Equal(1, _host.Store.Faults.SearchCalls);
        Assert.Equal(0, _host.Store.Faults.GetOrderCalls);
    }

    [Fact]
    public async Task Check_with_a_wrong_service_secret_fails()
    {
        var error = await Assert.ThrowsAsync<CartConnectionException>(() => _host.Client(secret: "SP-wrong").CheckAsync(CancellationToken.None));

        Assert.Contains("serviceSecret・licenseKeyが正しくありません", error.Message);
    }

    [Fact]
    public void Factory_refuses_a_malformed_api_url_and_links_no_customer_page()
    {
        var factory = _host.Factory;
        var secrets = new CartSecrets(new Dictionary<string, string> { [CartSpec.ServiceSecret] = "s", [CartSpec.LicenseKey] = "k" });

        Assert.Throws<CartConnectionException>(() => factory.Create(
            new CartEndpoint(1, CartKind.RakutenRms, "x", "not a url", secrets, null!, DateTimeOffset.UtcNow)));
        Assert.Null(factory.CustomerPageUrl("www.rakuten.co.jp/test-shop", "abcd1234@pc.fw.rakuten.ne.jp"));
        Assert.False(factory.Supports(CartKind.Ecforce));
    }
}
