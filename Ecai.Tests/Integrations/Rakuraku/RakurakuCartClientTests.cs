using Ecai.Domain.Carts;
using Ecai.Domain.Linking;
using Ecai.Integrations.Carts.Rakuraku.Sandbox;

namespace Ecai.Tests.Integrations.Rakuraku;

/// <summary>The connector against the sandbox over real HTTP on 127.0.0.1.</summary>
public sealed class RakurakuCartClientTests : IAsyncLifetime
{
    private RakurakuTestHost _host = null!;

    public async Task InitializeAsync() => _host = await RakurakuTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Full_pull_pages_500_rows_at_a_time_to_the_end()
    {
        var pages = await RakurakuTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None));

        var orders = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal([500, 500, 234], pages.Select(p => p.Items.Count)); // 1,234 orders, the 500-row cap
        Assert.Equal(3, _host.Store.Faults.ApiRequests); // a short page ends the pull: no empty fourth search
        Assert.Equal(500, _host.Store.Faults.LargestPage);
        Assert.Equal(1, _host.Store.Faults.MaxConcurrentRequests); // no parallel calls
        Assert.Equal(orders.Count, orders.Select(o => o.ExternalId).Distinct().Count());
        Assert.Equal(orders.OrderBy(o => o.UpdatedAt).Select(o => o.ExternalId), orders.Select(o => o.ExternalId));
        Assert.All(pages, p => Assert.Empty(p.Skipped));
        Assert.Equal(Ecai.Integrations.Carts.Rakuraku.RakurakuTime.Format(orders.Max(o => o.UpdatedAt)), pages[^1].Cursor);
    }

    [Fact]
    public async Task Orders_carry_the_buyer_and_the_subscription_state()
    {
        var orders = (await RakurakuTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None))).SelectMany(p => p.Items).ToList();

        Assert.All(orders, o => Assert.Equal(o.CustomerExternalId, o.Customer!.ExternalId));
        foreach (var order in orders.Take(200))
        {
            var index = int.Parse(order.CustomerExternalId) - 1;
            Assert.Equal(PhoneNormalizer.Normalize(_host.Store.CustomerPhone(index)), PhoneNormalizer.Normalize(order.Customer!.PhoneRaw));
            Assert.Equal(_host.Store.CustomerBirthday(index), order.Customer.Birthday);
        }
        var subscribed = orders.Where(o => o.SubscriptionExternalId is not null).ToList();
        Assert.NotEmpty(subscribed);
        Assert.All(subscribed, o => Assert.NotNull(o.Times));
        Assert.Equal([ContinuationStatus.Active, ContinuationStatus.Paused, ContinuationStatus.Cancelled],
            subscribed.Select(o => o.SubscriptionStatus!.Value).Distinct().Order());
        Assert.Contains(orders, o => o.Cancelled);
        Assert.Contains(orders, o => o.ShippedAt is not null);
    }

    [Fact]
    public async Task Customers_and_subscriptions_yield_nothing_they_ride_on_the_orders()
    {
        var client = _host.Client();

        Assert.Empty(await RakurakuTestHost.PullAllAsync(client.CustomersSinceAsync(null, CancellationToken.None)));
        Assert.Empty(await RakurakuTestHost.PullAllAsync(client.SubscriptionsSinceAsync(null, CancellationToken.None)));
        Assert.Equal(0, _host.Store.Faults.ApiRequests);
    }

    [Fact]
    public async Task Incremental_pull_from_the_cursor_returns_only_later_changes()
    {
        var client = _host.Client();
        var first = await RakurakuTestHost.PullAllAsync(client.OrdersSinceAsync(null, CancellationToken.None));
        var cursor = first[^1].Cursor;

        var customer = _host.Store.AddCustomer("新規 顧客", "080-9999-0000", birthday: new DateOnly(1985, 5, 5));
        var added = _host.Store.AddOrder(customer, "RR-EYE-T1");
        _host.Store.TouchOrder(10, regularStatus: RakurakuStatus.Cancelled);

        var next = await RakurakuTestHost.PullAllAsync(client.OrdersSinceAsync(cursor, CancellationToken.None));

        var orders = next.SelectMany(p => p.Items).ToList();
        // The cursor's own second is read again (harmless upserts); everything else is new.
        Assert.Contains(orders, o => o.ExternalId == (added + 1).ToString() && o.Customer!.Birthday == new DateOnly(1985, 5, 5)
                                     && o.SubscriptionStatus == ContinuationStatus.Active);
        Assert.Contains(orders, o => o.ExternalId == "11");
        Assert.True(orders.Count <= 3, $"expected only the changes, got {orders.Count}");
        Assert.True(string.CompareOrdinal(next[^1].Cursor, cursor) > 0);
    }

    [Fact]
    public async Task Malformed_orders_are_skipped_and_reported_the_pull_goes_on()
    {
        _host.Store.Faults.MalformedOrderEvery = 100;

        var pages = await RakurakuTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None));

        var skipped = pages.SelectMany(p => p.Skipped).ToList();
        Assert.Equal(12, skipped.Count);
        Assert.Equal(_host.Store.OrderCount - 12, pages.Sum(p => p.Items.Count));
        Assert.Contains(skipped, s => s.ExternalId == "100" && s.Reason.Contains("ordered_at"));
        Assert.Contains(skipped, s => s.ExternalId == "200" && s.Reason.Contains("customer_id"));
    }

    [Fact]
    public async Task Check_with_an_approved_token_succeeds_with_one_search()
    {
        await _host.Client().CheckAsync(CancellationToken.None);

        Assert.Equal(1, _host.Store.Faults.ApiRequests);
    }

    [Fact]
    public async Task No_token_yet_fails_in_japanese_without_calling_the_shop()
    {
        var client = _host.Factory.Create(_host.Endpoint(token: null));

        var error = await Assert.ThrowsAsync<CartConnectionException>(() => client.CheckAsync(CancellationToken.None));

        Assert.Equal("楽楽リピートでECAIとの連携が許可されていません。外部連携から連携を許可してください。", error.Message);
        Assert.Equal(0, _host.Store.Faults.ApiRequests);
    }

    [Fact]
    public async Task Revoked_approval_fails_the_pull_in_japanese()
    {
        var client = _host.Client();
        _host.Store.RevokeAll();

        var error = await Assert.ThrowsAsync<CartConnectionException>(() =>
            RakurakuTestHost.PullAllAsync(client.OrdersSinceAsync(null, CancellationToken.None)));

        Assert.Contains("もう一度連携を許可してください", error.Message);
        Assert.Empty(_host.Tokens.Saved);
    }

    [Fact]
    public async Task Wrong_shop_domain_is_404_told_as_a_japanese_domain_error()
    {
        var client = _host.Factory.Create(_host.Endpoint(_host.ApprovedToken(), apiBaseUrl: _host.Server.BaseUrl + "/nothing"));

        var error = await Assert.ThrowsAsync<CartConnectionException>(() => client.CheckAsync(CancellationToken.None));

        Assert.Contains("ショップドメインを確認してください", error.Message);
    }

    [Fact]
    public void Customer_page_is_the_modelled_admin_url()
    {
        Assert.Equal("https://shop.example.jp/admin/customer/edit.php?customer_id=77", _host.Factory.CustomerPageUrl("https://shop.example.jp/", "77"));
        Assert.True(_host.Factory.Supports(CartKind.RakurakuRepeat));
        Assert.False(_host.Factory.Supports(CartKind.Ecforce));
    }
}
