using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Repeatst;
using Ecai.Integrations.Carts.Repeatst.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Integrations.Repeatst;

/// <summary>
/// A sandbox リピスト shop on 127.0.0.1 plus the connector wired as in the app (AddRepeatstCart), with
/// retries shortened to milliseconds. One per test class instance, so faults and counters never leak.
/// </summary>
internal sealed class RepeatstTestHost : IAsyncDisposable
{
    public const string Token = "rpst_test_6f1c2d";

    private readonly ServiceProvider _services;

    private RepeatstTestHost(SandboxServer<RepeatstStore> server, ServiceProvider services)
    {
        Server = server;
        _services = services;
    }

    public SandboxServer<RepeatstStore> Server { get; }
    public RepeatstStore Store => Server.Store;
    public ICartClientFactory Factory => _services.GetServices<ICartClientFactory>().Single(f => f.Supports(CartKind.Repeatst));

    public static async Task<RepeatstTestHost> StartAsync(int customers = 300, int orders = 1_234, Action<RepeatstOptions>? configure = null)
    {
        var store = new RepeatstStore(new RepeatstStoreOptions { Seed = 7, Customers = customers, Orders = orders, AccessToken = Token });
        var server = await RepeatstSandbox.StartAsync(store);
        var services = new ServiceCollection()
            .AddLogging()
            .AddRepeatstCart()
            .Configure<RepeatstOptions>(o =>
            {
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
                o.MaxRetries = 3;
                o.AttemptTimeout = TimeSpan.FromSeconds(10);
                o.TotalRequestTimeout = TimeSpan.FromSeconds(20);
                configure?.Invoke(o);
            })
            .BuildServiceProvider();
        return new RepeatstTestHost(server, services);
    }

    /// <summary>A client as CartSync would build it.</summary>
    public ICartClient Client(string token = Token, string? baseUrl = null)
    {
        var secrets = new CartSecrets(new Dictionary<string, string> { [CartSpec.AccessToken] = token });
        return Factory.Create(new CartEndpoint(42, CartKind.Repeatst, "shop.example.jp", baseUrl ?? Server.BaseUrl, secrets, null!, DateTimeOffset.UtcNow));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }

    public static async Task<List<CartPage<T>>> PullAllAsync<T>(IAsyncEnumerable<CartPage<T>> pages)
    {
        var all = new List<CartPage<T>>();
        await foreach (var page in pages) all.Add(page);
        return all;
    }
}
