using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.SubscStore.Sandbox;

namespace Ecai.Web.Demo.Carts;

/// <summary>サブスクストア's sandbox (modelled API): application id + secret key exchanged for a token.</summary>
public sealed class SubscStoreDemo : DemoCart
{
    private readonly SubscStoreStoreOptions _options = new();
    private SubscStoreStore? _store;

    private SubscStoreStore Store => _store ?? throw new InvalidOperationException("Demo carts not started");
    public override CartKind Kind => CartKind.SubscStore;
    public override string Name => "subscstore";
    public override int CustomerCount => Store.CustomerCount;

    public override void Start(DemoOptions options, DateTimeOffset anchor, Func<int, string?> sharedPhone)
    {
        (_options.Seed, _options.Customers, _options.Orders) = (options.Seed + 6, options.CartCustomers, options.CartOrders);
        (_options.Start, _options.Span, _options.SharedPhone) = (anchor.AddMonths(-18), anchor - anchor.AddMonths(-18), sharedPhone);
        _store ??= new SubscStoreStore(_options);
    }

    public override void Map(IEndpointRouteBuilder app) => SubscStoreSandbox.Map(app, Prefix, Store);

    public override ConnectRequest ConnectRequest(string baseUrl) => new(CartKind.SubscStore, "subscstore-demo.example.jp",
        new Dictionary<string, string?> { [CartSpec.ApplicationId] = _options.ApplicationId, [CartSpec.SecretKey] = _options.SecretKey },
        baseUrl, BirthdaySync: true);

    public override string? CustomerPhone(int index) => Store.CustomerPhone(index);
}
