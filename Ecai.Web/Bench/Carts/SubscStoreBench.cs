using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Integrations.Carts.SubscStore.Sandbox;

namespace Ecai.Web.Bench.Carts;

/// <summary>サブスクストア publishes no rate limit, so throttled and unthrottled are the same (AllowedRps null).</summary>
internal sealed class SubscStoreBench : IBenchCart
{
    public string Name => "subscstore";
    public CartKind Kind => CartKind.SubscStore;

    public async Task<BenchSandbox> StartAsync(int seed, int customers, int orders, bool throttled)
    {
        var options = new SubscStoreStoreOptions
        {
            Seed = seed, Customers = customers, Orders = orders,
            Start = DateTimeOffset.UtcNow.AddYears(-2), Span = TimeSpan.FromDays(730),
        };
        return new Sandbox(await SubscStoreSandbox.StartAsync(new SubscStoreStore(options)), options);
    }

    private sealed class Sandbox(SandboxServer<SubscStoreStore> server, SubscStoreStoreOptions options) : BenchSandbox
    {
        public override ConnectRequest ConnectRequest { get; } = new(CartKind.SubscStore, "bench.example.jp",
            new Dictionary<string, string?> { [CartSpec.ApplicationId] = options.ApplicationId, [CartSpec.SecretKey] = options.SecretKey },
            ApiDomain: server.BaseUrl, BirthdaySync: true);
        public override double? AllowedRps => null;
        public override long Requests => server.Store.Faults.ApiRequests + server.Store.TokenExchanges;
        public override string? CustomerKey(int index) => server.Store.CustomerPhone(index);
        public override ValueTask DisposeAsync() => server.DisposeAsync();
    }
}
