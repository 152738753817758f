using System.Net;
using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Rakuten;
using Ecai.Integrations.Carts.Rakuten.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Ecai.Tests.Integrations.Rakuten;

/// <summary>Mounted under a prefix (as a demo app would), the sandbox is reached with the prefix in the API URL.</summary>
public sealed class RakutenSandboxPrefixTests
{
    [Fact]
    public async Task Connector_reaches_a_sandbox_mounted_under_a_prefix()
    {
        var store = new RakutenStore(new RakutenStoreOptions { Customers = 30, Orders = 40 });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        RakutenSandbox.Map(app, "/sandbox/rakuten", store);
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/sandbox/rakuten";
        await using var services = new ServiceCollection().AddLogging().AddRakutenCart().Configure<RakutenOptions>(o => o.RequestsPerSecond = 0).BuildServiceProvider();
        var secrets = new CartSecrets(new Dictionary<string, string>
        {
            [CartSpec.ServiceSecret] = "SP123456_sandboxSecret", [CartSpec.LicenseKey] = "SL123456_sandboxLicense",
        });
        var client = services.GetServices<ICartClientFactory>().Single(f => f.Supports(CartKind.RakutenRms))
            .Create(new CartEndpoint(1, CartKind.RakutenRms, "rakuten-demo.example.jp", baseUrl, secrets, null!, DateTimeOffset.UtcNow));

        var pages = await RakutenTestHost.PullAllAsync(client.OrdersSinceAsync(null, CancellationToken.None));

        Assert.Equal(40, pages.Sum(p => p.Items.Count));
        await app.StopAsync();
    }
}
