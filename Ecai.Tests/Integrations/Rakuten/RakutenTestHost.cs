using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Rakuten;
using Ecai.Integrations.Carts.Rakuten.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Tests.Integrations.Shared;

namespace Ecai.Tests.Integrations.Rakuten;

/// <summary>
/// A sandbox RMS shop on 127.0.0.1 plus the connector wired as in the app (AddRakutenCart), with pacing off,
/// retries shortened to milliseconds and small pages so paging and batching are exercised. One per test.
/// </summary>
internal sealed class RakutenTestHost : CartTestHost<RakutenStore>
{
    public const string Secret = "SP999999_testSecret";
    public const string License = "SL999999_testLicense";

    private RakutenTestHost(SandboxServer<RakutenStore> server, ServiceProvider services)
        : base(server, services)
    {
    }


    public static async Task<RakutenTestHost> StartAsync(int customers = 300, int orders = 1_234,
        Action<RakutenOptions>? configure = null, Action<RakutenStoreOptions>? shop = null)
    {
        var storeOptions = new RakutenStoreOptions
        {
            Seed = 7, Customers = customers, Orders = orders, ServiceSecret = Secret, LicenseKey = License,
        };
        shop?.Invoke(storeOptions);
        var server = await RakutenSandbox.StartAsync(new RakutenStore(storeOptions));
        var services = Connector<RakutenOptions>(s => s.AddRakutenCart(), o =>
        {
            o.RequestsPerSecond = 0;
            o.PageSize = 50;
            o.BatchSize = 20;
            configure?.Invoke(o);
        });
        return new RakutenTestHost(server, services);
    }

    public ICartClientFactory Factory => Services.GetServices<ICartClientFactory>().Single(f => f.Supports(CartKind.RakutenRms));

    /// <summary>A client as CartSync would build it; connected now unless told otherwise.</summary>
    public ICartClient Client(string secret = Secret, string license = License, DateTimeOffset? connectedAt = null)
    {
        var secrets = new CartSecrets(new Dictionary<string, string> { [CartSpec.ServiceSecret] = secret, [CartSpec.LicenseKey] = license });
        var endpoint = new CartEndpoint(7, CartKind.RakutenRms, "www.rakuten.co.jp/test-shop", Server.BaseUrl, secrets, NoTokens.Instance,
            connectedAt ?? DateTimeOffset.UtcNow);
        return Factory.Create(endpoint);
    }

    private sealed class NoTokens : ICartTokenStore
    {
        public static readonly NoTokens Instance = new();

        public Task SaveTokenAsync(int connectionId, CartToken token, CancellationToken ct) =>
            throw new InvalidOperationException("Rakuten keeps no token.");
    }
}
