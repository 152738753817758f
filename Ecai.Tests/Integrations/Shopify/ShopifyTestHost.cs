using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Integrations.Carts.Shopify;
using Ecai.Integrations.Carts.Shopify.Sandbox;
using Ecai.Tests.Integrations.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Integrations.Shopify;

/// <summary>
/// A sandbox shop on 127.0.0.1 plus the connector wired as in the app (AddShopifyCart), with
/// retries shortened to milliseconds. One per test class instance, so faults and counters never leak.
/// </summary>
internal sealed class ShopifyTestHost : CartTestHost<ShopifyStore>
{
    private ShopifyTestHost(SandboxServer<ShopifyStore> server, ServiceProvider services)
        : base(server, services)
    {
    }


    public static async Task<ShopifyTestHost> StartAsync(int customers = 300, int orders = 1_234, int checkouts = 200,
        Action<ShopifyOptions>? configure = null, string currency = "JPY")
    {
        var store = new ShopifyStore(new ShopifyStoreOptions
        {
            Seed = 7, Customers = customers, Orders = orders, Checkouts = checkouts, Currency = currency,
            Start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(9)), Span = TimeSpan.FromDays(300),
        });
        var server = await ShopifySandbox.StartAsync(store);
        var services = Connector<ShopifyOptions>(s => s.AddShopifyCart(), configure, totalRequestTimeout: TimeSpan.FromSeconds(30));
        return new ShopifyTestHost(server, services);
    }

    /// <summary>A client as CartSync would build it; by default with the right token and the store's tag date.</summary>
    public ICartClient Client(string? token = null, bool tags = true, string? baseUrl = null)
    {
        var factory = Services.GetServices<ICartClientFactory>().Single(f => f.Supports(CartKind.Shopify));
        var secrets = new CartSecrets(new Dictionary<string, string>
        {
            [CartSpec.AccessToken] = token ?? Store.Options.AccessToken,
            [CartSpec.ApiSecret] = Store.Options.ApiSecret,
        });
        var endpoint = new CartEndpoint(42, CartKind.Shopify, "ecai-sandbox.myshopify.com", baseUrl ?? Server.BaseUrl, secrets,
            NoTokens.Instance, DateTimeOffset.UtcNow, tags ? Store.SubscriptionTagsSince : null);
        return factory.Create(endpoint);
    }

    /// <summary>The orders ECAI should import: authorized, paid or partially refunded, or cancelled, refunded or voided (as cancelled).</summary>
    public HashSet<string> ExpectedOrderIds()
    {
        var ids = new HashSet<string>();
        for (var i = 0; i < Store.OrderCount; i++)
        {
            var facts = Store.OrderFacts(i);
            if (facts.Cancelled || facts.FinancialStatus is "paid" or "authorized" or "partially_refunded" or "refunded" or "voided") ids.Add((5_600_000_001L + i).ToString());
        }
        return ids;
    }

    /// <summary>The sandbox index of an order ECAI imported.</summary>
    public static int IndexOf(CartOrderRecord order) => (int)(long.Parse(order.ExternalId, System.Globalization.CultureInfo.InvariantCulture) - 5_600_000_001L);

    private sealed class NoTokens : ICartTokenStore
    {
        public static readonly NoTokens Instance = new();
        public Task SaveTokenAsync(int connectionId, CartToken token, CancellationToken ct) => throw new InvalidOperationException("Shopify keeps no token.");
    }
}
