using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ecai.Integrations.Carts.Shopify.Sandbox;

/// <summary>The sandbox on its own Kestrel at 127.0.0.1 and a free port (tests, benchmarks).</summary>
public sealed class ShopifySandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ShopifySandboxServer(WebApplication app, string baseUrl, ShopifyStore store)
    {
        _app = app;
        BaseUrl = baseUrl;
        Store = store;
    }

    /// <summary>e.g. "http://127.0.0.1:41234" (no trailing slash); the API paths hang off it.</summary>
    public string BaseUrl { get; }

    public ShopifyStore Store { get; }

    public static async Task<ShopifySandboxServer> StartAsync(ShopifyStore store, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        ShopifySandbox.Map(app, "", store);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ShopifySandboxServer(app, address.TrimEnd('/'), store);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
