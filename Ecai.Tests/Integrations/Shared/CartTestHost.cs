using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Integrations.Shared;

/// <summary>
/// What every cart's test host holds: the cart's sandbox on 127.0.0.1 and the connector's container,
/// disposed together. Each cart's host wires its connector and builds its clients.
/// </summary>
internal abstract class CartTestHost<TStore>(SandboxServer<TStore> server, ServiceProvider services) : IAsyncDisposable
{
    public SandboxServer<TStore> Server { get; } = server;
    public TStore Store => Server.Store;
    protected ServiceProvider Services { get; } = services;

    /// <summary>
    /// The connector's container wired as in the app (<paramref name="addCart"/>), with retries shortened to
    /// milliseconds, then <paramref name="configure"/>.
    /// </summary>
    protected static ServiceProvider Connector<TOptions>(Func<IServiceCollection, IServiceCollection> addCart, Action<TOptions>? configure,
        TimeSpan? totalRequestTimeout = null)
        where TOptions : class, ICartRetryOptions =>
        addCart(new ServiceCollection().AddLogging())
            .Configure<TOptions>(o =>
            {
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
                o.MaxRetries = 3;
                o.AttemptTimeout = TimeSpan.FromSeconds(10);
                o.TotalRequestTimeout = totalRequestTimeout ?? TimeSpan.FromSeconds(20);
                configure?.Invoke(o);
            })
            .BuildServiceProvider();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }

    public static async Task<List<CartPage<T>>> PullAllAsync<T>(IAsyncEnumerable<CartPage<T>> pages)
    {
        var all = new List<CartPage<T>>();
        await foreach (var page in pages) all.Add(page);
        return all;
    }
}
