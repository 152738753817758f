using Ecai.Integrations.Carts.Shopify;
using Microsoft.Extensions.Time.Testing;

namespace Ecai.Tests.Integrations.Shopify;

/// <summary>429 + Retry-After and 5xx are retried; the leaky bucket is never overflowed.</summary>
public sealed class ShopifyResilienceTests : IAsyncLifetime
{
    private ShopifyTestHost _host = null!;

    // Small pages, so a pull takes many requests.
    public async Task InitializeAsync() => _host = await ShopifyTestHost.StartAsync(customers: 200, orders: 600, checkouts: 50, o =>
    {
        o.PageSize = 10;
        o.LeakRatePerSecond = 40;
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Too_many_requests_waits_for_shopifys_fractional_retry_after_then_succeeds()
    {
        _host.Store.Faults.Next429(1, retryAfterSeconds: 1); // sent as "1.0"

        var pages = await ShopifyTestHost.PullAllAsync(_host.Client().CustomersSinceAsync(null, CancellationToken.None));

        Assert.Equal(_host.Store.CustomerCount, pages.Sum(p => p.Items.Count));
        Assert.Equal(1, _host.Store.Faults.Served429);
        // The back-off is 5 ms here, so only the Retry-After header can explain a patient retry.
        Assert.Equal(0, _host.Store.Faults.RequestsBeforeRetryAfter);
    }

    [Fact]
    public async Task Server_errors_are_retried()
    {
        _host.Store.Faults.Next500(2);

        var pages = await ShopifyTestHost.PullAllAsync(_host.Client().CustomersSinceAsync(null, CancellationToken.None));

        Assert.Equal(_host.Store.CustomerCount, pages.Sum(p => p.Items.Count));
        Assert.Equal(2, _host.Store.Faults.Served500);
    }

    [Fact]
    public async Task Throttled_shop_is_paced_from_the_call_limit_header_without_a_429()
    {
        // A bucket of 8 leaking 40 per second: 60 requests overflow it unless the client paces itself.
        _host.Store.Faults.Throttled = true;
        _host.Store.Faults.BucketSize = 8;
        _host.Store.Faults.LeakPerSecond = 40;

        var pages = await ShopifyTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None));

        Assert.Equal(_host.ExpectedOrderIds().Count, pages.Sum(p => p.Items.Count));
        Assert.Equal(60, _host.Store.Faults.ApiRequests);
        Assert.Equal(0, _host.Store.Faults.BucketOverflows);
    }

    [Fact]
    public void Bucket_waits_only_when_the_shops_count_is_near_full_and_leaks_at_the_configured_rate()
    {
        var clock = new FakeTimeProvider();
        var bucket = new ShopifyLeakyBucket(new ShopifyOptions { LeakRatePerSecond = 2, BucketMargin = 1 }, clock);

        Assert.Equal(TimeSpan.Zero, bucket.Reserve()); // the shop has not reported a limit yet
        bucket.Observe("37/40");
        Assert.Equal(TimeSpan.Zero, bucket.Reserve()); // 38
        Assert.Equal(TimeSpan.Zero, bucket.Reserve()); // 39 = 40 - margin
        Assert.Equal(TimeSpan.FromSeconds(0.5), bucket.Reserve()); // one call must leak first
        Assert.Equal(TimeSpan.FromSeconds(1), bucket.Reserve());

        clock.Advance(TimeSpan.FromSeconds(10)); // 20 calls leaked
        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        bucket.Observe("40/40"); // the shop knows better (another client of the same app)
        Assert.Equal(TimeSpan.FromSeconds(1), bucket.Reserve());
    }
}
