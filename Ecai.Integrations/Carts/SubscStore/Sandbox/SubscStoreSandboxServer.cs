using Ecai.Integrations.Carts.Shared.Sandbox;
using Microsoft.AspNetCore.Builder;

namespace Ecai.Integrations.Carts.SubscStore.Sandbox;

/// <summary>The サブスクストア sandbox on its own Kestrel at 127.0.0.1 and a free port (tests, benchmarks).</summary>
public sealed class SubscStoreSandboxServer : SandboxHost
{
    private SubscStoreSandboxServer(SubscStoreStore store) => Store = store;

    public SubscStoreStore Store { get; }

    public static async Task<SubscStoreSandboxServer> StartAsync(SubscStoreStore store, CancellationToken ct = default)
    {
        var server = new SubscStoreSandboxServer(store);
        await server.StartCoreAsync(ct);
        return server;
    }

    protected override void Map(WebApplication app) => SubscStoreSandbox.Map(app, "", Store);
}
