using Ecai.Domain.Carts;

namespace Ecai.Tests.Integrations.Rakuten;

/// <summary>429 and 5xx are retried (searchOrder and getOrder only read); Retry-After is honoured; the pacer keeps under the limit.</summary>
public sealed class RakutenResilienceTests
{
    [Fact]
    public async Task Too_many_requests_waits_for_retry_after_then_succeeds()
    {
        await using var host = await RakutenTestHost.StartAsync(customers: 60, orders: 150);
        host.Store.Faults.Next429(1, retryAfterSeconds: 1);

        var pages = await RakutenTestHost.PullAllAsync(host.Client().OrdersSinceAsync(null, CancellationToken.None));

        Assert.Equal(host.Store.OrderCount, pages.Sum(p => p.Items.Count));
        Assert.Equal(1, host.Store.Faults.Served429);
        // The back-off is 5 ms here, so only the Retry-After header can explain a patient retry.
        Assert.Equal(0, host.Store.Faults.RequestsBeforeRetryAfter);
    }

    [Fact]
    public async Task Server_errors_are_retried_though_the_calls_are_posts()
    {
        await using var host = await RakutenTestHost.StartAsync(customers: 60, orders: 150);
        host.Store.Faults.Next500(2);

        var pages = await RakutenTestHost.PullAllAsync(host.Client().OrdersSinceAsync(null, CancellationToken.None));

        Assert.Equal(host.Store.OrderCount, pages.Sum(p => p.Items.Count));
        Assert.Equal(2, host.Store.Faults.Served500);
    }

    [Fact]
    public async Task Persistent_server_errors_fail_the_pull()
    {
        await using var host = await RakutenTestHost.StartAsync(customers: 60, orders: 150);
        host.Store.Faults.Next500(100);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            RakutenTestHost.PullAllAsync(host.Client().OrdersSinceAsync(null, CancellationToken.None)));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(4, host.Store.Faults.Served500); // the first attempt and three retries
        Assert.NotNull(CartFailures.OperatorMessage(error, CancellationToken.None));
    }

    [Fact]
    public async Task Without_pacing_the_throttle_answers_429_and_the_retry_waits_it_out()
    {
        await using var host = await RakutenTestHost.StartAsync(customers: 20, orders: 30,
            configure: o => o.RequestsPerSecond = 0, shop: s => s.ThrottleRps = 5);
        host.Store.Faults.Throttled = true;
        var client = host.Client();

        // Back-to-back checks: the second arrives too early, gets 429 + Retry-After, and is retried.
        await client.CheckAsync(CancellationToken.None);
        await client.CheckAsync(CancellationToken.None);

        Assert.True(host.Store.Faults.Throttled429 > 0);
        Assert.Equal(2, host.Store.Faults.SearchCalls);
        Assert.Equal(0, host.Store.Faults.RequestsBeforeRetryAfter);
    }
}

/// <summary>
/// Timing-sensitive: the throttle measures arrival gaps, so this runs alone (not beside the rest of the
/// suite). The pacer's arithmetic itself is tested on a fake clock in <see cref="RakutenPacerTests"/>.
/// </summary>
[CollectionDefinition(nameof(RakutenPacingCollection), DisableParallelization = true)]
public sealed class RakutenPacingCollection;

[Collection(nameof(RakutenPacingCollection))]
public sealed class RakutenPacingTests
{
    [Fact]
    public async Task Pacer_keeps_a_throttled_shop_from_answering_429()
    {
        // The sandbox enforces 10 requests/s here (RMS: ~1) so the test stays short; the client paces at 8/s,
        // which leaves room for scheduling jitter.
        await using var host = await RakutenTestHost.StartAsync(customers: 60, orders: 150,
            configure: o => o.RequestsPerSecond = 8, shop: s => s.ThrottleRps = 10);
        // A first pull compiles the sandbox's endpoints: a first call stalls there before the throttle sees it.
        await RakutenTestHost.PullAllAsync(host.Client().OrdersSinceAsync(null, CancellationToken.None));
        var before = host.Store.Faults.ApiRequests;
        host.Store.Faults.Throttled = true;

        var pages = await RakutenTestHost.PullAllAsync(host.Client().OrdersSinceAsync(null, CancellationToken.None));

        Assert.Equal(host.Store.OrderCount, pages.Sum(p => p.Items.Count));
        var requests = host.Store.Faults.ApiRequests - before;
        Assert.True(requests > 20);
        // Unpaced, about every other request would be refused; paced, a hiccup of the machine may cost one.
        Assert.InRange(host.Store.Faults.Throttled429, 0, requests / 10);
    }
}
