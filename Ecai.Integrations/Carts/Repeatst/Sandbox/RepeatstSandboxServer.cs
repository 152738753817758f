using Ecai.Integrations.Carts.Shared.Sandbox;
using Microsoft.AspNetCore.Builder;

namespace Ecai.Integrations.Carts.Repeatst.Sandbox;

/// <summary>The リピスト sandbox on its own Kestrel at 127.0.0.1 and a free port (tests, benchmarks).</summary>
public sealed class RepeatstSandboxServer : SandboxHost
{
    private RepeatstSandboxServer(RepeatstStore store) => Store = store;

    public RepeatstStore Store { get; }

    public static async Task<RepeatstSandboxServer> StartAsync(RepeatstStore store, CancellationToken ct = default)
    {
        var server = new RepeatstSandboxServer(store);
        await server.StartCoreAsync(ct);
        return server;
    }

    protected override void Map(WebApplication app) => RepeatstSandbox.Map(app, "", Store);
}
