using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ecai.Integrations.Carts.Shared.Sandbox;

/// <summary>A sandbox on its own Kestrel at 127.0.0.1 and a free port; the cart's server classes wrap it.</summary>
public abstract class SandboxHost : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>e.g. "http://127.0.0.1:41234" (no trailing slash); the API paths hang off it.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Maps the cart's endpoints at the root of the server.</summary>
    protected abstract void Map(WebApplication app);

    protected async Task StartCoreAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        Map(_app);
        await _app.StartAsync(ct);
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
