using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Integrations.Carts.Shopify.Sandbox;

namespace Ecai.Web.Bench.Carts;

/// <summary>
/// Shopify's REST leaky bucket (Standard plan: 40 calls, 2 per second): throttled, the sandbox enforces
/// it and the connector paces itself from the call-limit header. Members link by e-mail.
/// </summary>
internal sealed class ShopifyBench : IBenchCart
{
    public string Name => "shopify";
    public CartKind Kind => CartKind.Shopify;

    public async Task<BenchSandbox> StartAsync(int seed, int customers, int orders, bool throttled)
    {
        var options = new ShopifyStoreOptions
        {
            Seed = seed, Customers = customers, Orders = orders, Checkouts = Math.Max(1, orders / 10),
            Start = DateTimeOffset.UtcNow.AddYears(-2), Span = TimeSpan.FromDays(730),
        };
        var store = new ShopifyStore(options);
        store.Faults.Throttled = throttled;
        return new Sandbox(await ShopifySandbox.StartAsync(store), throttled);
    }

    private sealed class Sandbox(SandboxServer<ShopifyStore> server, bool throttled) : BenchSandbox
    {
        public override ConnectRequest ConnectRequest { get; } = new(CartKind.Shopify, "bench.myshopify.com",
            new Dictionary<string, string?>
            {
                [CartSpec.AccessToken] = server.Store.Options.AccessToken,
                [CartSpec.ApiSecret] = server.Store.Options.ApiSecret,
            },
            ApiDomain: server.BaseUrl, SubscriptionTagsSince: server.Store.SubscriptionTagsSince);
        public override double? AllowedRps => throttled ? ShopifyFaults.StandardLeakPerSecond : null;
        public override long Requests => server.Store.Faults.ApiRequests;
        public override string? CustomerKey(int index) => server.Store.CustomerEmail(index);
        public override ValueTask DisposeAsync() => server.DisposeAsync();
    }
}
