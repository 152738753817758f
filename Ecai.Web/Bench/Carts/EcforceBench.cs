using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Ecforce.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Web.Bench.Carts;

/// <summary>ecforce publishes no rate limit, so throttled and unthrottled are the same.</summary>
internal sealed class EcforceBench : IBenchCart
{
    public string Name => "ecforce";
    public CartKind Kind => CartKind.Ecforce;

    public async Task<BenchSandbox> StartAsync(int seed, int customers, int orders, bool throttled)
    {
        var options = new EcforceStoreOptions
        {
            Seed = seed, Customers = customers, Orders = orders,
            Start = DateTimeOffset.UtcNow.AddYears(-2), Span = TimeSpan.FromDays(730),
        };
        return new Sandbox(await EcforceSandbox.StartAsync(new EcforceStore(options)), options);
    }

    private sealed class Sandbox(SandboxServer<EcforceStore> server, EcforceStoreOptions options) : BenchSandbox
    {
        public override ConnectRequest ConnectRequest { get; } =
            ConnectRequest.Ecforce("bench.example.jp", options.AdminEmail, options.AdminPassword, server.BaseUrl);
        public override double? AllowedRps => null;
        public override long Requests => server.Store.Faults.ApiRequests;
        public override string? CustomerKey(int index) => server.Store.CustomerPhone(index);
        public override ValueTask DisposeAsync() => server.DisposeAsync();
    }
}
