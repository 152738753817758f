using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Rakuraku.Sandbox;

namespace Ecai.Web.Demo.Carts;

/// <summary>楽楽リピート's sandbox. Demo mode approves ECAI on the shop's behalf, as the operator would on its consent page.</summary>
public sealed class RakurakuDemo : DemoCart
{
    private RakurakuStore? _store;

    private RakurakuStore Store => _store ?? throw new InvalidOperationException("Demo carts not started");
    public override CartKind Kind => CartKind.RakurakuRepeat;
    public override string Name => "rakuraku";
    public override string ApiPath => "/api";
    public override int CustomerCount => Store.CustomerCount;

    public override void Start(DemoOptions options, DateTimeOffset anchor, Func<int, string?> sharedPhone) =>
        _store ??= new RakurakuStore(new RakurakuStoreOptions
        {
            Seed = options.Seed + 4, Customers = options.CartCustomers, Orders = options.CartOrders,
            Start = anchor.AddMonths(-18), Span = anchor - anchor.AddMonths(-18), SharedPhone = sharedPhone,
        });

    public override void Map(IEndpointRouteBuilder app) => RakurakuSandbox.Map(app, Prefix, Store);

    public override ConnectRequest ConnectRequest(string baseUrl) => new(CartKind.RakurakuRepeat, "rakuraku-demo.example.jp",
        new Dictionary<string, string?> { [CartSpec.ClientId] = Store.Options.ClientId, [CartSpec.ClientSecret] = Store.Options.ClientSecret },
        baseUrl + ApiPath, BirthdaySync: true);

    public override async Task AuthorizeAsync(IServiceProvider services, int connectionId)
    {
        var (access, refresh, lifetime) = Store.IssueTokens();
        await services.GetRequiredService<CartConnections>().SaveTokenAsync(connectionId,
            new CartToken(access, refresh, DateTimeOffset.UtcNow + lifetime), CancellationToken.None);
    }

    public override string? CustomerPhone(int index) => Store.CustomerPhone(index);
}
