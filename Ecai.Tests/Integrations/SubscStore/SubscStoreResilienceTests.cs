namespace Ecai.Tests.Integrations.SubscStore;

/// <summary>Transient failures are retried by the standard resilience handler; Retry-After is honoured.</summary>
public sealed class SubscStoreResilienceTests : IAsyncLifetime
{
    private SubscStoreTestHost _host = null!;

    // One page at a time, so every request after a 429 is a retry of that request.
    public async Task InitializeAsync() => _host = await SubscStoreTestHost.StartAsync(customers: 120, orders: 250, o => o.MaxPagesInFlight = 1);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Too_many_requests_waits_for_retry_after_then_succeeds()
    {
        _host.Store.Faults.Next429(1, retryAfterSeconds: 1);

        var pages = await SubscStoreTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None));

        Assert.Equal(_host.Store.OrderCount, pages.Sum(p => p.Items.Count));
        Assert.Equal(1, _host.Store.Faults.Served429);
        Assert.Equal(0, _host.Store.Faults.RequestsBeforeRetryAfter); // 5 ms back-off: only Retry-After explains the wait
        Assert.Equal(1, _host.Store.TokenExchanges); // a 429 is not an auth failure
    }

    [Fact]
    public async Task Persistent_server_errors_fail_the_pull_without_refit_types()
    {
        _host.Store.Faults.Next500(100);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            SubscStoreTestHost.PullAllAsync(_host.Client().CustomersSinceAsync(null, CancellationToken.None)));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(4, _host.Store.Faults.Served500);
    }

    [Fact]
    public async Task Token_post_is_not_retried_and_the_failure_reaches_the_operator()
    {
        _host.Store.Faults.NextToken503(1);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _host.Client().CheckAsync(CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1, _host.Store.Faults.TokenRequests); // a POST: the resilience handler never repeats it
        Assert.Equal(0, _host.Store.Faults.ApiRequests);
        Assert.StartsWith("カートのAPIがエラーを返しました(HTTP 503)", Ecai.Domain.Carts.CartFailures.OperatorMessage(error, CancellationToken.None));

        await _host.Client().CheckAsync(CancellationToken.None); // the next pull exchanges again
        Assert.Equal(2, _host.Store.Faults.TokenRequests);
    }
}
