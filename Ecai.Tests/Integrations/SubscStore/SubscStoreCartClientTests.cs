using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared;
using Ecai.Integrations.Carts.SubscStore.Sandbox;

namespace Ecai.Tests.Integrations.SubscStore;

/// <summary>The サブスクストア connector against its sandbox over real HTTP on 127.0.0.1.</summary>
public sealed class SubscStoreCartClientTests : IAsyncLifetime
{
    private SubscStoreTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SubscStoreTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Full_pull_pages_through_every_order_with_one_token_exchange()
    {
        var pages = await SubscStoreTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None));

        var orders = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(13, pages.Count); // 1,234 orders at 100 per page
        Assert.Equal(_host.Store.OrderCount, orders.Count);
        Assert.Equal(orders.Count, orders.Select(o => o.ExternalId).Distinct().Count());
        Assert.Equal(orders.OrderBy(o => o.UpdatedAt).Select(o => o.ExternalId), orders.Select(o => o.ExternalId));
        Assert.Contains(orders, o => o.SubscriptionExternalId is not null && o.Times is not null && o.Items[0].CourseName!.StartsWith("【定期】"));
        Assert.Contains(orders, o => o.SubscriptionExternalId is null && o.Times is null);
        Assert.All(pages, p => Assert.Empty(p.Skipped));
        Assert.Equal(PagedPull.ToCursor(orders.Max(o => o.UpdatedAt)), pages[^1].Cursor);
        Assert.Equal(1, _host.Store.TokenExchanges); // four pages in flight, one exchange
        Assert.Single(_host.Tokens.Saved);
    }

    [Fact]
    public async Task Customers_carry_phones_and_birthdays()
    {
        var pages = await SubscStoreTestHost.PullAllAsync(_host.Client().CustomersSinceAsync(null, CancellationToken.None));

        var customers = pages.SelectMany(p => p.Items).ToDictionary(c => c.ExternalId);
        Assert.Equal(_host.Store.CustomerCount, customers.Count);
        for (var i = 0; i < _host.Store.CustomerCount; i++)
            Assert.Equal(_host.Store.CustomerPhone(i), customers[SubscStoreStore.CustomerId(i)].PhoneRaw);
        Assert.InRange(customers.Values.Count(c => c.Birthday is not null), 150, 270);
    }

    [Fact]
    public async Task Subscriptions_carry_the_three_statuses()
    {
        var pages = await SubscStoreTestHost.PullAllAsync(_host.Client().SubscriptionsSinceAsync(null, CancellationToken.None));

        var subscriptions = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(_host.Store.SubscriptionCount, subscriptions.Count);
        Assert.Equal(SubscStoreStore.StatusWords.Order(), subscriptions.Select(s => s.RawStatus!).Distinct().Order());
        Assert.Equal([ContinuationStatus.Active, ContinuationStatus.Paused, ContinuationStatus.Cancelled], subscriptions.Select(s => s.Status).Distinct().Order());
        Assert.All(subscriptions, s => Assert.Equal(s.Status == ContinuationStatus.Active, s.NextShipAt is not null));
    }

    [Fact]
    public async Task Cursor_returns_only_records_changed_since()
    {
        var first = await SubscStoreTestHost.PullAllAsync(_host.Client().SubscriptionsSinceAsync(null, CancellationToken.None));
        var cursor = first[^1].Cursor;
        _host.Store.TouchSubscription(3, "終了");

        var next = await SubscStoreTestHost.PullAllAsync(_host.Client().SubscriptionsSinceAsync(cursor, CancellationToken.None));

        var changed = next.SelectMany(p => p.Items).Where(s => PagedPull.ToCursor(s.UpdatedAt) != cursor).ToList();
        Assert.Equal(("4", ContinuationStatus.Cancelled), (Assert.Single(changed).ExternalId, changed[0].Status));
        Assert.True(next.SelectMany(p => p.Items).Count() <= 3); // the change plus the boundary second
    }

    [Fact]
    public async Task Stored_token_is_reused_while_valid_and_exchanged_when_about_to_expire()
    {
        await _host.Client().CheckAsync(CancellationToken.None);
        await SubscStoreTestHost.PullAllAsync(_host.Client().CustomersSinceAsync(null, CancellationToken.None));
        Assert.Equal(1, _host.Store.TokenExchanges);
        var stored = Assert.Single(_host.Tokens.Saved);
        Assert.InRange(stored.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddMinutes(61)); // expires_in 3600

        // Less than a minute left: not worth using, exchanged before the first call (no 401 round trip).
        await _host.Client(token: stored with { ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(30) }).CheckAsync(CancellationToken.None);

        Assert.Equal(2, _host.Store.TokenExchanges);
        Assert.Equal(2, _host.Tokens.Saved.Count);
    }

    [Fact]
    public async Task Token_expired_at_the_cart_is_renewed_once()
    {
        await _host.Client().CheckAsync(CancellationToken.None);
        _host.Clock.Advance(TimeSpan.FromHours(2)); // the shop's clock: its token is past expires_in

        await _host.Client().CheckAsync(CancellationToken.None);

        Assert.Equal(2, _host.Store.TokenExchanges);
    }

    [Fact]
    public async Task Token_revoked_by_the_cart_is_renewed_once()
    {
        await _host.Client().CheckAsync(CancellationToken.None);
        _host.Store.Faults.ExpireTokens();

        var pages = await SubscStoreTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None));

        Assert.Equal(_host.Store.OrderCount, pages.Sum(p => p.Items.Count));
        Assert.Equal(2, _host.Store.TokenExchanges);
    }

    [Fact]
    public async Task Wrong_secret_key_is_a_japanese_connection_error()
    {
        var error = await Assert.ThrowsAsync<CartConnectionException>(() => _host.Client(secretKey: "ss_wrong").CheckAsync(CancellationToken.None));

        Assert.Equal("アプリケーションIDまたはシークレットキーが正しくありません。テモナ社から発行されたアプリケーションIDとシークレットキーを確認してください。", error.Message);
        Assert.NotNull(error.Hint);
        Assert.DoesNotContain("ss_wrong", error.ToString());
        Assert.Equal(0, _host.Store.Faults.ApiRequests); // refused at the token endpoint
        Assert.Empty(_host.Tokens.Saved);
    }

    [Fact]
    public async Task Every_token_refused_fails_after_one_renewal()
    {
        _host.Store.Faults.RejectAllTokens = true;

        var error = await Assert.ThrowsAsync<CartConnectionException>(() =>
            SubscStoreTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None)));

        Assert.Contains("API連携オプション", error.Message);
        Assert.Equal(2, _host.Store.TokenExchanges);
    }

    [Fact]
    public async Task Wrong_domain_is_a_connection_error()
    {
        var error = await Assert.ThrowsAsync<CartConnectionException>(() =>
            _host.Client(baseUrl: _host.Server.BaseUrl + "/not-subsc").CheckAsync(CancellationToken.None));

        Assert.Contains("カートドメイン", error.Message);
    }

    [Fact]
    public void Missing_credentials_are_refused_before_any_call()
    {
        var error = Assert.Throws<CartConnectionException>(() => _host.Client(secretKey: ""));

        Assert.Contains("シークレットキー", error.Message);
    }

    [Fact]
    public async Task Malformed_rows_are_skipped_with_their_ids_and_the_pull_carries_on()
    {
        _host.Store.Faults.MalformedOrderEvery = 100;

        var pages = await SubscStoreTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None));

        var skipped = pages.SelectMany(p => p.Skipped).ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(k => (k * 100).ToString()), skipped.Select(s => s.ExternalId));
        Assert.All(skipped.Where((_, k) => k % 2 == 0), s => Assert.Contains("購入日時", s.Reason));
        Assert.All(skipped.Where((_, k) => k % 2 == 1), s => Assert.Contains("顧客ID", s.Reason));
        Assert.Equal(_host.Store.OrderCount - 12, pages.Sum(p => p.Items.Count));
    }

    [Fact]
    public void Customer_page_url_points_into_the_subsc_store_admin()
    {
        Assert.Equal("https://shop.example.jp/admin/customers/1001/edit", _host.Factory.CustomerPageUrl("shop.example.jp", "1001"));
        Assert.False(_host.Factory.Supports(CartKind.Repeatst));
    }
}
