using Ecai.Integrations.Carts.Rakuraku.Sandbox;

namespace Ecai.Tests.Integrations.Rakuraku;

/// <summary>429 + Retry-After and 5xx are retried; the client paces itself so a throttled shop never answers 429.</summary>
public sealed class RakurakuResilienceTests
{
    [Fact]
    public async Task Too_many_requests_waits_for_retry_after_then_succeeds()
    {
        await using var host = await RakurakuTestHost.StartAsync(customers: 100, orders: 700);
        var client = host.Client();
        host.Store.Faults.Next429(1, retryAfterSeconds: 1);

        var pages = await RakurakuTestHost.PullAllAsync(client.OrdersSinceAsync(null, CancellationToken.None));

        Assert.Equal(700, pages.Sum(p => p.Items.Count));
        Assert.Equal(1, host.Store.Faults.Served429);
        // The back-off is 5 ms and pacing 20 ms here, so only the Retry-After header explains a patient retry.
        Assert.Equal(0, host.Store.Faults.RequestsBeforeRetryAfter);
    }

    [Fact]
    public async Task Server_errors_are_retried()
    {
        await using var host = await RakurakuTestHost.StartAsync(customers: 100, orders: 700);
        host.Store.Faults.Next500(2);

        var pages = await RakurakuTestHost.PullAllAsync(host.Client().OrdersSinceAsync(null, CancellationToken.None));

        Assert.Equal(700, pages.Sum(p => p.Items.Count));
        Assert.Equal(2, host.Store.Faults.Served500);
    }

    [Fact]
    public async Task Throttled_shop_answers_429_to_an_unpaced_caller()
    {
        await using var host = await RakurakuTestHost.StartAsync(customers: 10, orders: 10,
            shop: s => s.ThrottleInterval = TimeSpan.FromSeconds(30));
        host.Store.Faults.Throttled = true;
        var (access, _, _) = host.Store.IssueTokens();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", access);

        using var first = await http.GetAsync(host.Server.ApiBaseUrl + "/v1/orders?limit=5");
        using var second = await http.GetAsync(host.Server.ApiBaseUrl + "/v1/orders?limit=5");

        Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("30", second.Headers.GetValues("Retry-After").Single());
        Assert.Equal(1, host.Store.Faults.ThrottledRequests);
    }

    [Fact]
    public async Task Search_refuses_more_than_500_rows()
    {
        await using var host = await RakurakuTestHost.StartAsync(customers: 10, orders: 10);
        var (access, _, _) = host.Store.IssueTokens();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", access);

        using var tooMany = await http.GetAsync(host.Server.ApiBaseUrl + "/v1/orders?limit=501");
        using var cap = await http.GetAsync(host.Server.ApiBaseUrl + $"/v1/orders?limit={RakurakuSandbox.MaxLimit}");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, cap.StatusCode);
    }
}

/// <summary>
/// Timing-sensitive: the throttle measures arrival gaps, so this runs alone (not beside the rest of the suite).
/// </summary>
[CollectionDefinition(nameof(RakurakuPacingCollection), DisableParallelization = true)]
public sealed class RakurakuPacingCollection;

[Collection(nameof(RakurakuPacingCollection))]
public sealed class RakurakuPacingTests
{
    [Fact]
    public async Task Throttled_shop_sees_no_429_from_a_paced_pull()
    {
        // The shop allows one request per 100 ms and nothing in parallel; the client paces at 5 per second,
        // which leaves 100 ms for the machine's scheduling jitter.
        await using var host = await RakurakuTestHost.StartAsync(customers: 500, orders: 3_100,
            o => { o.RequestsPerSecond = 5; o.PacingMargin = TimeSpan.Zero; },
            s => s.ThrottleInterval = TimeSpan.FromMilliseconds(100));
        var client = host.Client();
        // A first call compiles the sandbox's endpoints: it stalls there before the throttle sees it.
        await client.CheckAsync(CancellationToken.None);
        var before = host.Store.Faults.ApiRequests;
        host.Store.Faults.Throttled = true;

        var pages = await RakurakuTestHost.PullAllAsync(client.OrdersSinceAsync(null, CancellationToken.None));
        await client.CheckAsync(CancellationToken.None); // and a check right after the pull

        Assert.Equal(3_100, pages.Sum(p => p.Items.Count));
        Assert.Equal(8, host.Store.Faults.ApiRequests - before); // 7 pages + the check
        Assert.Equal(0, host.Store.Faults.ThrottledRequests);
        Assert.Equal(0, host.Store.Faults.Served429);
    }
}
