using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Repeatst.Sandbox;

namespace Ecai.Web.Demo.Carts;

/// <summary>リピスト's sandbox (modelled API), with shipping dates for follow messages.</summary>
public sealed class RepeatstDemo : DemoCart
{
    private readonly RepeatstStoreOptions _options = new();
    private RepeatstStore? _store;

    private RepeatstStore Store => _store ?? throw new InvalidOperationException("Demo carts not started");
    public override CartKind Kind => CartKind.Repeatst;
    public override string Name => "repeatst";
    public override int CustomerCount => Store.CustomerCount;

    public override void Start(DemoOptions options, DateTimeOffset anchor, Func<int, string?> sharedPhone)
    {
        (_options.Seed, _options.Customers, _options.Orders) = (options.Seed + 5, options.CartCustomers, options.CartOrders);
        (_options.Start, _options.Span, _options.SharedPhone) = (anchor.AddMonths(-18), anchor - anchor.AddMonths(-18), sharedPhone);
        _store ??= new RepeatstStore(_options);
    }

    public override void Map(IEndpointRouteBuilder app) => RepeatstSandbox.Map(app, Prefix, Store);

    public override ConnectRequest ConnectRequest(string baseUrl) => new(CartKind.Repeatst, "repeatst-demo.example.jp",
        new Dictionary<string, string?> { [CartSpec.AccessToken] = _options.AccessToken }, baseUrl, BirthdaySync: true);

    public override string? CustomerPhone(int index) => Store.CustomerPhone(index);
}
