using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Rakuraku.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Web.Bench.Carts;

/// <summary>
/// 楽楽リピート allows one request per second and 500 rows per search [C]; throttled, the sandbox enforces both.
/// The connector paces itself at Carts:Rakuraku:RequestsPerSecond (1 by default); unthrottled, the bench
/// raises it to its ceiling (1,000/s) so it measures the import, not the wait.
/// </summary>
internal sealed class RakurakuBench : IBenchCart
{
    public string Name => "rakuraku";
    public CartKind Kind => CartKind.RakurakuRepeat;

    public async Task<BenchSandbox> StartAsync(int seed, int customers, int orders, bool throttled)
    {
        var options = new RakurakuStoreOptions
        {
            Seed = seed, Customers = customers, Orders = orders,
            Start = DateTimeOffset.UtcNow.AddYears(-2), Span = TimeSpan.FromDays(730),
        };
        var server = await RakurakuSandbox.StartAsync(new RakurakuStore(options));
        server.Store.Faults.Throttled = throttled;
        return new Sandbox(server, throttled);
    }

    private sealed class Sandbox(SandboxServer<RakurakuStore> server, bool throttled) : BenchSandbox
    {
        private const string RedirectUri = "https://bench.example.jp/cartauth/callback";

        public override ConnectRequest ConnectRequest { get; } = new(CartKind.RakurakuRepeat, "bench.example.jp",
            new Dictionary<string, string?>
            {
                [CartSpec.ClientId] = server.Store.Options.ClientId,
                [CartSpec.ClientSecret] = server.Store.Options.ClientSecret,
            }, server.ApiBaseUrl);

        public override double? AllowedRps => throttled ? 1.0 / server.Store.Options.ThrottleInterval.TotalSeconds : null;
        public override IReadOnlyDictionary<string, string?> Settings { get; } =
            throttled ? new Dictionary<string, string?>() : new() { ["Carts:Rakuraku:RequestsPerSecond"] = "1000" };
        public override long Requests => server.Store.Faults.ApiRequests;
        public override string? CustomerKey(int index) => server.Store.CustomerPhone(index);

        /// <summary>The OAuth code flow without a browser: the shop "presses 許可する", ECAI exchanges the code and stores the tokens.</summary>
        public override async Task AuthorizeAsync(IServiceProvider services, int connectionId)
        {
            var connections = services.GetRequiredService<CartConnections>();
            var endpoint = await connections.EndpointAsync(connectionId, CancellationToken.None)
                           ?? throw new InvalidOperationException($"No connection {connectionId}.");
            var authorizer = services.GetServices<ICartClientFactory>().OfType<ICartAuthorizer>()
                .First(a => ((ICartClientFactory)a).Supports(CartKind.RakurakuRepeat));
            var code = server.Store.Approve(RedirectUri);
            var token = await authorizer.ExchangeCodeAsync(endpoint, code, RedirectUri, CancellationToken.None);
            await connections.SaveTokenAsync(connectionId, token, CancellationToken.None);
        }

        public override ValueTask DisposeAsync() => server.DisposeAsync();
    }
}
