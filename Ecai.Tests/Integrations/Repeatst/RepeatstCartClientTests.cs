using Ecai.Domain.Carts;
using Ecai.Domain.Linking;
using Ecai.Integrations.Carts.Repeatst.Sandbox;
using Ecai.Integrations.Carts.Shared;

namespace Ecai.Tests.Integrations.Repeatst;

/// <summary>The リピスト connector against its sandbox over real HTTP on 127.0.0.1.</summary>
public sealed class RepeatstCartClientTests : IAsyncLifetime
{
    private RepeatstTestHost _host = null!;

    public async Task InitializeAsync() => _host = await RepeatstTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Full_pull_pages_through_every_order_in_updated_order()
    {
        var pages = await RepeatstTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None));

        var orders = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(7, pages.Count); // 1,234 orders at 200 per page
        Assert.Equal(_host.Store.OrderCount, orders.Count);
        Assert.Equal(orders.Count, orders.Select(o => o.ExternalId).Distinct().Count());
        Assert.Equal(orders.OrderBy(o => o.UpdatedAt).Select(o => o.ExternalId), orders.Select(o => o.ExternalId));
        Assert.All(orders, o => Assert.NotEmpty(o.Items));
        Assert.Contains(orders, o => o.ShippedAt is not null);
        Assert.Contains(orders, o => o.ShippedAt is null);
        Assert.Contains(orders, o => o.SubscriptionExternalId is not null && o.Times is not null && o.Items[0].CourseName is not null);
        Assert.All(pages, p => Assert.Empty(p.Skipped));
        Assert.Equal(PagedPull.ToCursor(orders.Max(o => o.UpdatedAt)), pages[^1].Cursor);
        Assert.InRange(_host.Store.Faults.ApiRequests, 7, 10); // at most three pages fetched ahead beyond the last
    }

    [Fact]
    public async Task Customers_carry_phones_and_birthdays()
    {
        var pages = await RepeatstTestHost.PullAllAsync(_host.Client().CustomersSinceAsync(null, CancellationToken.None));

        var customers = pages.SelectMany(p => p.Items).ToDictionary(c => c.ExternalId);
        Assert.Equal(_host.Store.CustomerCount, customers.Count);
        for (var i = 0; i < _host.Store.CustomerCount; i++)
            Assert.Equal(_host.Store.CustomerPhone(i), customers[RepeatstStore.CustomerId(i)].PhoneRaw);
        Assert.Contains(customers.Values, c => c.PhoneRaw is null);
        Assert.Contains(customers.Values, c => c.PhoneRaw is not null && PhoneNormalizer.Normalize(c.PhoneRaw) is null);
        Assert.InRange(customers.Values.Count(c => c.Birthday is not null), 150, 290);
        Assert.All(customers.Values, c => Assert.False(string.IsNullOrWhiteSpace(c.Name)));
    }

    [Fact]
    public async Task Subscriptions_carry_the_three_statuses_and_next_ship_date()
    {
        var pages = await RepeatstTestHost.PullAllAsync(_host.Client().SubscriptionsSinceAsync(null, CancellationToken.None));

        var teikis = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(_host.Store.SubscriptionCount, teikis.Count);
        Assert.Equal(RepeatstStore.StatusWords.Order(), teikis.Select(s => s.RawStatus!).Distinct().Order());
        Assert.Equal([ContinuationStatus.Active, ContinuationStatus.Paused, ContinuationStatus.Cancelled], teikis.Select(s => s.Status).Distinct().Order());
        Assert.All(teikis, s =>
        {
            Assert.Contains(s.ProductCode, RepeatstProduct.Teiki.Select(p => p.Code));
            Assert.Equal(s.Status == ContinuationStatus.Active, s.NextShipAt is not null);
        });
    }

    [Fact]
    public async Task Cursor_returns_only_records_changed_since_including_a_new_ship_date()
    {
        var first = await RepeatstTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None));
        var cursor = first[^1].Cursor;
        var added = _host.Store.AddOrder(customerIndex: 5, productCode: "KOSO-500");
        _host.Store.ShipOrder(10, new DateOnly(2026, 12, 1));

        var next = await RepeatstTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(cursor, CancellationToken.None));

        var orders = next.SelectMany(p => p.Items).ToList();
        var addedId = (added + 1).ToString();
        Assert.Contains(orders, o => o.ExternalId == addedId && o.ShippedAt is null);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero), orders.Single(o => o.ExternalId == "11").ShippedAt);
        // Besides the changes, only the boundary second of the last pull comes back.
        Assert.All(orders.Where(o => o.ExternalId != "11" && o.ExternalId != addedId), o => Assert.Equal(cursor, PagedPull.ToCursor(o.UpdatedAt)));
        Assert.True(string.CompareOrdinal(next[^1].Cursor, cursor) > 0);
    }

    [Fact]
    public async Task Page_cap_stops_the_pull_and_the_cursor_resumes_it()
    {
        await using var capped = await RepeatstTestHost.StartAsync(configure: o => (o.MaxPages, o.PageSize) = (2, 100));

        var first = await RepeatstTestHost.PullAllAsync(capped.Client().OrdersSinceAsync(null, CancellationToken.None));
        var rest = await RepeatstTestHost.PullAllAsync(capped.Client().OrdersSinceAsync(first[^1].Cursor, CancellationToken.None));

        Assert.Equal(200, first.Sum(p => p.Items.Count));
        var ids = first.Concat(rest).SelectMany(p => p.Items).Select(o => int.Parse(o.ExternalId)).ToHashSet();
        Assert.InRange(ids.Count, 390, 399);
        Assert.Equal(Enumerable.Range(1, ids.Count), ids.Order()); // no gap
    }

    [Fact]
    public async Task Check_succeeds_with_the_right_token_and_reads_one_row()
    {
        await _host.Client().CheckAsync(CancellationToken.None);

        Assert.Equal(1, _host.Store.Faults.ApiRequests);
    }

    [Fact]
    public async Task Wrong_token_is_a_japanese_connection_error_on_check_and_pull()
    {
        var check = await Assert.ThrowsAsync<CartConnectionException>(() => _host.Client(token: "rpst_wrong").CheckAsync(CancellationToken.None));
        var pull = await Assert.ThrowsAsync<CartConnectionException>(() =>
            RepeatstTestHost.PullAllAsync(_host.Client(token: "rpst_wrong").CustomersSinceAsync(null, CancellationToken.None)));

        Assert.Equal("アクセストークンが正しくありません。リピストから発行されたアクセストークンを確認してください。", check.Message);
        Assert.Equal(check.Message, pull.Message);
        Assert.DoesNotContain("rpst_wrong", check.ToString());
    }

    [Fact]
    public async Task Ip_not_allowed_names_the_allow_list_screen()
    {
        _host.Store.Faults.IpNotAllowed = true;

        var error = await Assert.ThrowsAsync<CartConnectionException>(() => _host.Client().CheckAsync(CancellationToken.None));

        Assert.Contains("IPアドレスが許可されていません", error.Message);
        Assert.Contains("「基本情報管理 > SHOPマスタ > 外部連携 > データアシスタントAPI」", error.Message);
        Assert.NotNull(error.Hint);
        Assert.Equal(1, _host.Store.Faults.ApiRequests); // a 403 is not retried
    }

    [Fact]
    public async Task Wrong_domain_is_a_connection_error()
    {
        var error = await Assert.ThrowsAsync<CartConnectionException>(() =>
            _host.Client(baseUrl: _host.Server.BaseUrl + "/not-repeatst").CheckAsync(CancellationToken.None));

        Assert.Contains("カートドメイン", error.Message);
    }

    [Fact]
    public void Missing_token_is_refused_before_any_call()
    {
        var error = Assert.Throws<CartConnectionException>(() => _host.Client(token: "  "));

        Assert.Contains("アクセストークンが入力されていません", error.Message);
    }

    [Fact]
    public async Task Malformed_rows_are_skipped_with_their_ids_and_the_pull_carries_on()
    {
        _host.Store.Faults.MalformedOrderEvery = 100;

        var pages = await RepeatstTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None));

        var skipped = pages.SelectMany(p => p.Skipped).ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(k => (k * 100).ToString()), skipped.Select(s => s.ExternalId));
        Assert.All(skipped.Where((_, k) => k % 2 == 0), s => Assert.Contains("購入日時", s.Reason));
        Assert.All(skipped.Where((_, k) => k % 2 == 1), s => Assert.Contains("顧客ID", s.Reason));
        Assert.Equal(_host.Store.OrderCount - 12, pages.Sum(p => p.Items.Count));
    }

    [Fact]
    public void Customer_page_url_points_into_the_repeatst_admin()
    {
        Assert.Equal("https://shop.example.jp/admin/customer/detail?customer_id=501", _host.Factory.CustomerPageUrl("https://www.shop.example.jp/admin/", "501"));
        Assert.False(_host.Factory.Supports(CartKind.SubscStore));
    }
}
