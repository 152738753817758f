using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Repeatst;
using Ecai.Integrations.Carts.Repeatst.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Tests.Integrations.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Integrations.Repeatst;

/// <summary>
/// A sandbox リピスト shop on 127.0.0.1 plus the connector wired as in the app (AddRepeatstCart), with
/// retries shortened to milliseconds. One per test class instance, so faults and counters never leak.
/// </summary>
internal sealed class RepeatstTestHost : CartTestHost<RepeatstStore>
{
    public const string Token = "rpst_test_6f1c2d";

    private RepeatstTestHost(SandboxServer<RepeatstStore> server, ServiceProvider services)
        : base(server, services)
    {
    }

    public ICartClientFactory Factory => Services.GetServices<ICartClientFactory>().Single(f => f.Supports(CartKind.Repeatst));

    public static async Task<RepeatstTestHost> StartAsync(int customers = 300, int orders = 1_234, Action<RepeatstOptions>? configure = null)
    {
        var store = new RepeatstStore(new RepeatstStoreOptions { Seed = 7, Customers = customers, Orders = orders, AccessToken = Token });
        var server = await RepeatstSandbox.StartAsync(store);
        var services = Connector<RepeatstOptions>(s => s.AddRepeatstCart(), configure);
        return new RepeatstTestHost(server, services);
    }

    /// <summary>A client as CartSync would build it.</summary>
    public ICartClient Client(string token = Token, string? baseUrl = null)
    {
        var secrets = new CartSecrets(new Dictionary<string, string> { [CartSpec.AccessToken] = token });
        return Factory.Create(new CartEndpoint(42, CartKind.Repeatst, "shop.example.jp", baseUrl ?? Server.BaseUrl, secrets, null!, DateTimeOffset.UtcNow));
    }
}
