using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ecai.Integrations.Carts.Rakuten.Sandbox;

/// <summary>The sandbox on its own Kestrel at 127.0.0.1 and a free port (tests, benchmarks).</summary>
public sealed class RakutenSandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RakutenSandboxServer(WebApplication app, string baseUrl, RakutenStore store)
    {
        _app = app;
        BaseUrl = baseUrl;
        Store = store;
    }

    /// <summary>e.g. "http://127.0.0.1:41234" (no trailing slash); the /es/2.0/… paths hang off it.</summary>
    public string BaseUrl { get; }

    public RakutenStore Store { get; }

    public static async Task<RakutenSandboxServer> StartAsync(RakutenStore store, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        RakutenSandbox.Map(app, "", store);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RakutenSandboxServer(app, address.TrimEnd('/'), store);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
