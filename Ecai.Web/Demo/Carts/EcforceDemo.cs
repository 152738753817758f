using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Ecforce.Sandbox;

namespace Ecai.Web.Demo.Carts;

/// <param name="store">A store already running (tests); otherwise <see cref="Start"/> creates the demo shop's.</param>
public sealed class EcforceDemo(EcforceStore? store = null) : DemoCart
{
    public const string AdminEmail = "admin@demo-shop.example.jp";
    public const string AdminPassword = "demo-ecforce-pass";
    private EcforceStore? _store = store;

    public EcforceStore Store => _store ?? throw new InvalidOperationException("Demo carts not started");
    public override CartKind Kind => CartKind.Ecforce;
    public override string Name => "ecforce";
    public override int CustomerCount => Store.CustomerCount;

    public override void Start(DemoOptions options, DateTimeOffset anchor, Func<int, string?> sharedPhone) =>
        _store ??= new EcforceStore(new EcforceStoreOptions
        {
            Seed = options.Seed,
            Customers = options.EcforceCustomers,
            Orders = options.EcforceOrders,
            Start = anchor.AddMonths(-24),
            Span = anchor - anchor.AddMonths(-24),
            AdminEmail = AdminEmail,
            AdminPassword = AdminPassword,
        });

    public override void Map(IEndpointRouteBuilder app) => EcforceSandbox.Map(app, Prefix, Store);

    public override ConnectRequest ConnectRequest(string baseUrl) =>
        Domain.Carts.ConnectRequest.Ecforce("demo-shop.example.jp", AdminEmail, AdminPassword, baseUrl, birthdaySync: true);

    public override string? CustomerPhone(int index) => Store.CustomerPhone(index);
}
