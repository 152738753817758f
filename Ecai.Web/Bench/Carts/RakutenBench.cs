using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Rakuten.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Web.Bench.Carts;

/// <summary>
/// Rakuten RMS: about 1 request/s [I]. Throttled, the sandbox enforces it (429 above) and the connector paces
/// itself at its default of 1 request/s. Unthrottled, the connector's pacing is turned off
/// (Carts:Rakuten:RequestsPerSecond = 0), so the bench measures the import, not the wait.
/// </summary>
internal sealed class RakutenBench : IBenchCart
{
    public string Name => "rakuten";
    public CartKind Kind => CartKind.RakutenRms;

    public async Task<BenchSandbox> StartAsync(int seed, int customers, int orders, bool throttled)
    {
        var options = new RakutenStoreOptions { Seed = seed, Customers = customers, Orders = orders, Span = TimeSpan.FromDays(700) };
        var server = await RakutenSandbox.StartAsync(new RakutenStore(options));
        server.Store.Faults.Throttled = throttled;
        return new Sandbox(server, options, throttled);
    }

    private sealed class Sandbox(SandboxServer<RakutenStore> server, RakutenStoreOptions options, bool throttled) : BenchSandbox
    {
        public override ConnectRequest ConnectRequest { get; } = new(
            CartKind.RakutenRms, "https://www.rakuten.co.jp/ecai-bench/",
            new Dictionary<string, string?> { [CartSpec.ServiceSecret] = options.ServiceSecret, [CartSpec.LicenseKey] = options.LicenseKey },
            ApiDomain: server.BaseUrl, LicenseExpiresOn: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)));
        public override double? AllowedRps => throttled ? options.ThrottleRps : null;
        public override IReadOnlyDictionary<string, string?> Settings { get; } =
            throttled ? new Dictionary<string, string?>() : new() { ["Carts:Rakuten:RequestsPerSecond"] = "0" };
        public override long Requests => server.Store.Faults.ApiRequests;
        public override string? CustomerKey(int index) => server.Store.CustomerPhone(index % Math.Max(1, options.Customers));
        public override ValueTask DisposeAsync() => server.DisposeAsync();
    }
}
