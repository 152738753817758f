namespace Ecai.Tests.Integrations.Ecforce;

/// <summary>Transient failures are retried by the standard resilience handler; Retry-After is honoured.</summary>
public sealed class EcforceResilienceTests : IAsyncLifetime
{
    private EcforceTestHost _host = null!;

    // One page at a time, so every request after a 429 is a retry of that request.
    public async Task InitializeAsync() => _host = await EcforceTestHost.StartAsync(customers: 120, orders: 250, o => o.MaxPagesInFlight = 1);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Too_many_requests_waits_for_retry_after_then_succeeds()
    {
        _host.Store.Faults.Next429(1, retryAfterSeconds: 1);

        var pages = await EcforceTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None));

        Assert.Equal(_host.Store.OrderCount, pages.Sum(p => p.Items.Count));
        Assert.Equal(1, _host.Store.Faults.Served429);
        // The back-off is 5 ms here, so only the Retry-After header can explain a patient retry.
        Assert.Equal(0, _host.Store.Faults.RequestsBeforeRetryAfter);
    }

    [Fact]
    public async Task Server_errors_are_retried()
    {
        _host.Store.Faults.Next500(2);

        var pages = await EcforceTestHost.PullAllAsync(_host.Client().CustomersSinceAsync(null, CancellationToken.None));

        Assert.Equal(_host.Store.CustomerCount, pages.Sum(p => p.Items.Count));
        Assert.Equal(2, _host.Store.Faults.Served500);
    }

    [Fact]
    public async Task Html_error_page_from_a_cdn_is_retried()
    {
        _host.Store.Faults.NextHtml503(1);

        var pages = await EcforceTestHost.PullAllAsync(_host.Client().SubscriptionsSinceAsync(null, CancellationToken.None));

        Assert.Equal(_host.Store.SubscriptionCount, pages.Sum(p => p.Items.Count));
        Assert.Equal(1, _host.Store.Faults.ServedHtml503);
    }

    [Fact]
    public async Task Persistent_server_errors_fail_the_pull_without_refit_types()
    {
        _host.Store.Faults.Next500(100);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            EcforceTestHost.PullAllAsync(_host.Client().OrdersSinceAsync(null, CancellationToken.None)));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(4, _host.Store.Faults.Served500); // the first attempt and three retries
    }
}
