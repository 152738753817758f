using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Repeatst.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Web.Bench.Carts;

/// <summary>リピスト publishes no rate limit, so throttled and unthrottled are the same (AllowedRps null).</summary>
internal sealed class RepeatstBench : IBenchCart
{
    public string Name => "repeatst";
    public CartKind Kind => CartKind.Repeatst;

    public async Task<BenchSandbox> StartAsync(int seed, int customers, int orders, bool throttled)
    {
        var options = new RepeatstStoreOptions
        {
            Seed = seed, Customers = customers, Orders = orders,
            Start = DateTimeOffset.UtcNow.AddYears(-2), Span = TimeSpan.FromDays(730),
        };
        return new Sandbox(await RepeatstSandbox.StartAsync(new RepeatstStore(options)), options);
    }

    private sealed class Sandbox(SandboxServer<RepeatstStore> server, RepeatstStoreOptions options) : BenchSandbox
    {
        public override ConnectRequest ConnectRequest { get; } = new(CartKind.Repeatst, "bench.example.jp",
            new Dictionary<string, string?> { [CartSpec.AccessToken] = options.AccessToken }, ApiDomain: server.BaseUrl, BirthdaySync: true);
        public override double? AllowedRps => null;
        public override long Requests => server.Store.Faults.ApiRequests;
        public override string? CustomerKey(int index) => server.Store.CustomerPhone(index);
        public override ValueTask DisposeAsync() => server.DisposeAsync();
    }
}
