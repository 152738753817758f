using Ecai.Integrations.Carts.Ecforce.Sandbox;

namespace Ecai.Web.Demo;

/// <summary>The sandbox carts demo mode serves; created once the demo bot (their time anchor) exists.</summary>
public sealed class DemoCarts
{
    public const string AdminEmail = "admin@demo-shop.example.jp";
    public const string AdminPassword = "demo-ecforce-pass";
    private EcforceStore? _ecforce;

    public EcforceStore Ecforce => _ecforce ?? throw new InvalidOperationException("Demo carts not started");

    public EcforceStore Start(DemoOptions options, DateTimeOffset anchor) =>
        _ecforce ??= new EcforceStore(new EcforceStoreOptions
        {
            Seed = options.Seed,
            Customers = options.EcforceCustomers,
            Orders = options.EcforceOrders,
            Start = anchor.AddMonths(-24),
            Span = anchor - anchor.AddMonths(-24),
            AdminEmail = AdminEmail,
            AdminPassword = AdminPassword,
        });
}
