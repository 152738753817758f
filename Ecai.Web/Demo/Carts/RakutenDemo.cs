using Ecai.Domain.Carts;
using Ecai.Domain.Time;
using Ecai.Integrations.Carts.Rakuten.Sandbox;

namespace Ecai.Web.Demo.Carts;

/// <summary>
/// 楽天RMS's sandbox. The connector keeps to ~1 request/s as with the real RMS, so its shop is a third
/// of the others' size; the licence expires in 10 days, so ホーム shows the renewal warning.
/// </summary>
public sealed class RakutenDemo : DemoCart
{
    private readonly RakutenStoreOptions _options = new();
    private RakutenStore? _store;

    private RakutenStore Store => _store ?? throw new InvalidOperationException("Demo carts not started");
    public override CartKind Kind => CartKind.RakutenRms;
    public override string Name => "rakuten";
    public override int CustomerCount => Store.CustomerCount;

    public override void Start(DemoOptions options, DateTimeOffset anchor, Func<int, string?> sharedPhone)
    {
        (_options.Seed, _options.Customers, _options.Orders) = (options.Seed + 3, Math.Max(1, options.CartCustomers / 3), Math.Max(1, options.CartOrders / 3));
        (_options.Start, _options.Span, _options.SharedPhone) = (anchor.AddMonths(-18), anchor - anchor.AddMonths(-18), sharedPhone);
        _store ??= new RakutenStore(_options);
    }

    public override void Map(IEndpointRouteBuilder app) => RakutenSandbox.Map(app, Prefix, Store);

    public override ConnectRequest ConnectRequest(string baseUrl) => new(CartKind.RakutenRms, "https://www.rakuten.co.jp/ecai-demo/",
        new Dictionary<string, string?> { [CartSpec.ServiceSecret] = _options.ServiceSecret, [CartSpec.LicenseKey] = _options.LicenseKey },
        baseUrl, LicenseExpiresOn: JapanTime.Today(TimeProvider.System).AddDays(10));

    public override string? CustomerPhone(int index) => Store.CustomerPhone(index);
}
