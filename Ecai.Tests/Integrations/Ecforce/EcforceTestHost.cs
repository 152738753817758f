using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Ecforce;
using Ecai.Integrations.Carts.Ecforce.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Tests.Integrations.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Integrations.Ecforce;

/// <summary>
/// A sandbox shop on 127.0.0.1 plus the connector wired as in the app (AddEcforceCart), with
/// retries shortened to milliseconds. One per test, so faults and counters never leak.
/// </summary>
internal sealed class EcforceTestHost : CartTestHost<EcforceStore>
{
    public const string Email = "owner@shop.example.jp";
    public const string Password = "correct horse";

    private EcforceTestHost(SandboxServer<EcforceStore> server, ServiceProvider services)
        : base(server, services)
    {
    }

    public RecordingTokenStore Tokens { get; } = new();

    public static async Task<EcforceTestHost> StartAsync(int customers = 300, int orders = 1_234, Action<EcforceOptions>? configure = null)
    {
        var store = new EcforceStore(new EcforceStoreOptions
        {
            Seed = 7,
            Customers = customers,
            Orders = orders,
            AdminEmail = Email,
            AdminPassword = Password,
        });
        var server = await EcforceSandbox.StartAsync(store);
        var services = Connector<EcforceOptions>(s => s.AddEcforceCart(), configure);
        return new EcforceTestHost(server, services);
    }

    /// <summary>A client as CartSync would build it; by default with the right password and no stored token.</summary>
    public ICartClient Client(string password = Password, string? token = null, string? baseUrl = null)
    {
        var factory = Services.GetServices<ICartClientFactory>().Single(f => f.Supports(CartKind.Ecforce));
        var secrets = new CartSecrets(new Dictionary<string, string> { [CartSpec.LoginEmail] = Email, [CartSpec.Password] = password },
            token is null ? null : new CartToken(token));
        var endpoint = new CartEndpoint(42, CartKind.Ecforce, "shop.example.jp", baseUrl ?? Server.BaseUrl, secrets, Tokens, DateTimeOffset.UtcNow);
        return factory.Create(endpoint);
    }
}

/// <summary>Keeps the tokens the connector asks to save, like the real store does (encrypted) per connection.</summary>
internal sealed class RecordingTokenStore : ICartTokenStore
{
    private readonly List<string> _saved = [];

    public IReadOnlyList<string> Saved
    {
        get { lock (_saved) return [.. _saved]; }
    }

    public string? Latest
    {
        get { lock (_saved) return _saved.LastOrDefault(); }
    }

    public Task SaveTokenAsync(int connectionId, CartToken token, CancellationToken ct)
    {
        Assert.Equal(42, connectionId);
        lock (_saved) _saved.Add(token.AccessToken);
        return Task.CompletedTask;
    }
}
