using Ecai.Domain.Carts;
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
