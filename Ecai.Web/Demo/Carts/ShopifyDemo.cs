using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shopify.Sandbox;

namespace Ecai.Web.Demo.Carts;

/// <summary>Shopify's sandbox with the subscription app's order tags on; demo members link to it by e-mail.</summary>
public sealed class ShopifyDemo : DemoCart
{
    private ShopifyStore? _store;

    private ShopifyStore Store => _store ?? throw new InvalidOperationException("Demo carts not started");
    public override CartKind Kind => CartKind.Shopify;
    public override string Name => "shopify";
    public override int CustomerCount => Store.CustomerCount;

    public override void Start(DemoOptions options, DateTimeOffset anchor, Func<int, string?> sharedPhone) =>
        _store ??= new ShopifyStore(new ShopifyStoreOptions
        {
            Seed = options.Seed + 1, Customers = options.CartCustomers, Orders = options.CartOrders,
            Checkouts = Math.Max(10, options.CartOrders / 20),
            Start = anchor.AddMonths(-18), Span = anchor - anchor.AddMonths(-18), SharedPhone = sharedPhone,
            ShopDomain = "ecai-demo.myshopify.com",
        });

    public override void Map(IEndpointRouteBuilder app) => ShopifySandbox.Map(app, Prefix, Store);

    public override ConnectRequest ConnectRequest(string baseUrl) => new(CartKind.Shopify, Store.Options.ShopDomain,
        new Dictionary<string, string?> { [CartSpec.AccessToken] = Store.Options.AccessToken, [CartSpec.ApiSecret] = Store.Options.ApiSecret },
        baseUrl, SubscriptionTagsSince: Store.SubscriptionTagsSince);

    public override string? CustomerEmail(int index) => Store.CustomerEmail(index);
}
