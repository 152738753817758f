using Ecai.Domain.Carts;
using Ecai.Domain.Linking;
using Ecai.Integrations.Carts.Ecforce;
using Ecai.Integrations.Carts.Ecforce.Sandbox;

namespace Ecai.Tests.Integrations.Ecforce;

/// <summary>The connector against the sandbox over real HTTP on 127.0.0.1.</summary>
public sealed class EcforceCartClientTests : IAsyncLifetime
{
    private EcforceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await EcforceTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Full_pull_pages_through_every_order_in_updated_order()
    {
        var pages = await EcforceTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None));

        var orders = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(13, pages.Count); // 1,234 orders at 100 per page
        Assert.Equal(_host.Store.OrderCount, orders.Count);
        Assert.Equal(orders.Count, orders.Select(o => o.ExternalId).Distinct().Count());
        Assert.Equal(orders.OrderBy(o => o.UpdatedAt).Select(o => o.ExternalId), orders.Select(o => o.ExternalId));
        Assert.All(orders, o => Assert.NotEmpty(o.Items));
        Assert.Contains(orders, o => o.ShippedAt is not null);
        Assert.Contains(orders, o => o.SubscriptionExternalId is not null && o.Times is not null && o.Items[0].CourseName is not null);
        Assert.All(pages, p => Assert.Empty(p.Skipped));
        // Each page's cursor is the newest updated_at so far, as JST wall-clock text.
        Assert.Equal(EcforceTime.ToQuery(orders.Max(o => o.UpdatedAt)), pages[^1].Cursor);
        Assert.Equal(pages.Select(p => p.Cursor).Order(StringComparer.Ordinal), pages.Select(p => p.Cursor));
        Assert.Equal(1, _host.Store.SignInCount); // four pages in flight, one sign-in
    }

    [Fact]
    public async Task Customers_carry_the_phone_joined_from_tel_01_to_03()
    {
        var pages = await EcforceTestHost.PullAllAsync(_host.Client().CustomersSinceAsync(null, CancellationToken.None));

        var customers = pages.SelectMany(p => p.Items).ToDictionary(c => c.ExternalId);
        Assert.Equal(_host.Store.CustomerCount, customers.Count);
        for (var i = 0; i < _host.Store.CustomerCount; i++)
        {
            // Whatever format the customer used, the joined parts normalise to the same number.
            var customer = customers[EcforceStore.CustomerId(i)];
            Assert.Equal(PhoneNormalizer.Normalize(_host.Store.CustomerPhone(i)), PhoneNormalizer.Normalize(customer.PhoneRaw));
        }
        Assert.Contains(customers.Values, c => c.PhoneRaw is { } p && p.Count(ch => ch == '-') == 2 && p.StartsWith("0"));
        Assert.Contains(customers.Values, c => c.PhoneRaw is null);
        Assert.Contains(customers.Values, c => c.PhoneRaw is not null && PhoneNormalizer.Normalize(c.PhoneRaw) is null);
        Assert.Contains(customers.Values, c => c.LineUserId is { Length: 33 } && c.LineUserId.StartsWith('U'));
        Assert.Contains(customers.Values, c => c.Birthday is not null);
        Assert.All(customers.Values, c => Assert.False(string.IsNullOrWhiteSpace(c.Name)));
    }

    [Fact]
    public async Task Subscriptions_map_state_product_and_next_shipment()
    {
        var pages = await EcforceTestHost.PullAllAsync(_host.Client().SubscriptionsSinceAsync(null, CancellationToken.None));

        var subscriptions = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(_host.Store.SubscriptionCount, subscriptions.Count);
        Assert.Equal(
            [ContinuationStatus.Active, ContinuationStatus.Paused, ContinuationStatus.Cancelled],
            subscriptions.Select(s => s.Status).Distinct().Order());
        Assert.All(subscriptions, s =>
        {
            Assert.Contains(s.ProductCode, EcforceProduct.Subscriptions.Select(p => p.Code));
            Assert.StartsWith("定期便", s.CourseName);
            Assert.Equal(s.Status == ContinuationStatus.Active, s.NextShipAt is not null);
        });
    }

    [Fact]
    public async Task Subscriptions_that_name_their_customer_only_by_customer_number_are_all_resolved_to_the_customer_id()
    {
        var pages = await EcforceTestHost.PullAllAsync(_host.Client().SubscriptionsSinceAsync(null, CancellationToken.None));

        Assert.All(pages, p => Assert.Empty(p.Skipped));
        var subscriptions = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(_host.Store.SubscriptionCount, subscriptions.Count);
        // The sandbox lists sub_orders as ecforce does, with customer_number only: each resolves to its customer's id.
        Assert.All(subscriptions, s => Assert.Equal(_host.Store.Subscriptions.Find(long.Parse(s.ExternalId))!.CustomerId.ToString(), s.CustomerExternalId));
    }

    [Fact]
    public async Task Cursor_returns_only_records_changed_since()
    {
        var first = await EcforceTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None));
        var cursor = first[^1].Cursor;
        var added = _host.Store.AddOrder(customerIndex: 5, productCode: "SKN-SER-01T3");
        _host.Store.TouchOrder(10, shippedAt: DateTimeOffset.UtcNow);

        var next = await EcforceTestHost.PullAllAsync(_host.Client(token: _host.Tokens.Latest).OrdersSinceAsync(cursor, CancellationToken.None));

        var orders = next.SelectMany(p => p.Items).ToList();
        var ids = orders.Select(o => o.ExternalId).ToHashSet();
        Assert.Contains((added + 1).ToString(), ids);
        Assert.Contains("11", ids);
        Assert.NotNull(orders.Single(o => o.ExternalId == "11").ShippedAt);
        // Besides the changes, only the boundary second of the last pull comes back.
        Assert.All(orders.Where(o => o.ExternalId != "11" && o.ExternalId != (added + 1).ToString()),
            o => Assert.Equal(cursor, EcforceTime.ToQuery(o.UpdatedAt)));
        Assert.True(string.CompareOrdinal(next[^1].Cursor, cursor) > 0);
    }

    [Fact]
    public async Task An_order_cancelled_after_a_pull_comes_back_cancelled_on_the_next_incremental_pull()
    {
        var first = await EcforceTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None));
        Assert.DoesNotContain(first.SelectMany(p => p.Items), o => o.Cancelled);

        _host.Store.CancelOrder(20);
        var next = await EcforceTestHost.PullAllAsync(_host.Client(token: _host.Tokens.Latest).OrdersSinceAsync(first[^1].Cursor, CancellationToken.None));

        var orders = next.SelectMany(p => p.Items).ToList();
        var cancelled = Assert.Single(orders, o => o.Cancelled);
        Assert.Equal("21", cancelled.ExternalId);
        var before = first.SelectMany(p => p.Items).Single(o => o.ExternalId == "21");
        Assert.Equal((before.CustomerExternalId, before.Amount), (cancelled.CustomerExternalId, cancelled.Amount));
        Assert.True(cancelled.UpdatedAt > before.UpdatedAt);
    }

    [Fact]
    public async Task Page_cap_stops_the_pull_and_the_cursor_resumes_it()
    {
        await using var capped = await EcforceTestHost.StartAsync(configure: o => o.MaxPages = 3);

        var first = await EcforceTestHost.PullAllAsync(capped.Client().OrdersSinceAsync(null, CancellationToken.None));
        var rest = await EcforceTestHost.PullAllAsync(capped.Client(token: capped.Tokens.Latest).OrdersSinceAsync(first[^1].Cursor, CancellationToken.None));

        Assert.Equal(300, first.Sum(p => p.Items.Count));
        // Three more pages: they re-read the boundary second, then carry on without a gap.
        var ids = first.Concat(rest).SelectMany(p => p.Items).Select(o => int.Parse(o.ExternalId)).ToHashSet();
        Assert.InRange(ids.Count, 590, 599);
        Assert.Equal(Enumerable.Range(1, ids.Count), ids.Order());
    }

    [Fact]
    public async Task Stopping_early_leaves_only_the_bounded_prefetch()
    {
        await foreach (var page in _host.Client().OrdersSinceAsync(null, CancellationToken.None))
        {
            Assert.Equal(100, page.Items.Count);
            break;
        }

        Assert.InRange(_host.Store.Faults.ApiRequests, 1, 4); // never the whole pull of 13 pages
    }

    [Fact]
    public async Task Wrong_password_is_a_connection_error_the_operator_can_fix()
    {
        var error = await Assert.ThrowsAsync<CartConnectionException>(() =>
            EcforceTestHost.PullAllAsync(_host.Client(password: "wrong").OrdersSinceAsync(null, CancellationToken.None)));

        Assert.Equal("ecforceにログインできませんでした。メールアドレスとパスワードを確認してください。", error.Message);
        Assert.Equal("カートドメイン・APIドメインに間違いがないか確認し、解決しない場合はサポートへご連絡ください。", error.Hint);
        Assert.DoesNotContain("wrong", error.ToString());
        Assert.Equal(0, _host.Store.SignInCount);
        Assert.Empty(_host.Tokens.Saved);
    }

    [Fact]
    public async Task Token_is_reused_across_pulls_and_renewed_once_when_revoked()
    {
        await EcforceTestHost.PullAllAsync(_host.Client().CustomersSinceAsync(null, CancellationToken.None));
        var firstToken = Assert.Single(_host.Tokens.Saved);

        // The next pull starts with the stored token: no sign-in.
        await EcforceTestHost.PullAllAsync(_host.Client(token: firstToken).OrdersSinceAsync(null, CancellationToken.None));
        Assert.Equal(1, _host.Store.SignInCount);

        _host.Store.RevokeAllTokens();
        var pages = await EcforceTestHost.PullAllAsync(_host.Client(token: firstToken).OrdersSinceAsync(null, CancellationToken.None));

        Assert.Equal(_host.Store.OrderCount, pages.Sum(p => p.Items.Count));
        Assert.Equal(2, _host.Store.SignInCount);
        Assert.Equal(2, _host.Tokens.Saved.Count);
        Assert.NotEqual(firstToken, _host.Tokens.Latest);
    }

    [Fact]
    public async Task Static_token_works_without_signing_in()
    {
        var token = _host.Store.IssueToken();

        var pages = await EcforceTestHost.PullAllAsync(_host.Client(password: "", token: token).SubscriptionsSinceAsync(null, CancellationToken.None));

        Assert.Equal(_host.Store.SubscriptionCount, pages.Sum(p => p.Items.Count));
        Assert.Equal(0, _host.Store.SignInCount);
    }

    [Fact]
    public async Task Every_token_rejected_fails_after_one_renewal()
    {
        _host.Store.Faults.RejectAllTokens = true;

        var error = await Assert.ThrowsAsync<CartConnectionException>(() =>
            EcforceTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None)));

        Assert.Contains("API認証トークン", error.Message);
        Assert.Equal(2, _host.Store.SignInCount); // the first sign-in, then exactly one renewal
    }

    [Fact]
    public async Task Wrong_api_domain_is_a_connection_error()
    {
        var error = await Assert.ThrowsAsync<CartConnectionException>(() =>
            EcforceTestHost.PullAllAsync(_host.Client(baseUrl: _host.Server.BaseUrl + "/not-ecforce").OrdersSinceAsync(null, CancellationToken.None)));

        Assert.Contains("APIドメイン", error.Message);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public async Task Malformed_rows_are_skipped_with_their_ids_and_the_pull_carries_on()
    {
        _host.Store.Faults.MalformedOrderEvery = 100;

        var pages = await EcforceTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None));

        var skipped = pages.SelectMany(p => p.Skipped).ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(k => (k * 100).ToString()), skipped.Select(s => s.ExternalId));
        Assert.All(skipped.Where((_, k) => k % 2 == 0), s => Assert.Contains("注文日時", s.Reason)); // 100, 300, …
        Assert.All(skipped.Where((_, k) => k % 2 == 1), s => Assert.Contains("顧客ID", s.Reason));  // 200, 400, …
        Assert.Equal(_host.Store.OrderCount - 12, pages.Sum(p => p.Items.Count));
        Assert.DoesNotContain(pages.SelectMany(p => p.Items), o => o.ExternalId == "100");
    }
}
