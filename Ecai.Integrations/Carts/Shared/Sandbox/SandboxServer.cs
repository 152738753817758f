using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ecai.Integrations.Carts.Shared.Sandbox;

/// <summary>A cart's sandbox on its own Kestrel at 127.0.0.1 and a free port (tests, benchmarks).</summary>
public sealed class SandboxServer<TStore> : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, string baseUrl, TStore store)
    {
        _app = app;
        BaseUrl = baseUrl;
        Store = store;
    }

    /// <summary>e.g. "http://127.0.0.1:41234" (no trailing slash); the API paths hang off it.</summary>
    public string BaseUrl { get; }

    public TStore Store { get; }

    /// <summary>Starts a server whose root carries the endpoints <paramref name="map"/> adds for <paramref name="store"/>.</summary>
    public static async Task<SandboxServer<TStore>> StartAsync(TStore store, Action<IEndpointRouteBuilder> map, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        map(app);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer<TStore>(app, address.TrimEnd('/'), store);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
