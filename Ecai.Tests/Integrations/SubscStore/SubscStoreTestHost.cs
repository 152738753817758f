using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Integrations.Carts.SubscStore;
using Ecai.Integrations.Carts.SubscStore.Sandbox;
using Ecai.Tests.Integrations.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ecai.Tests.Integrations.SubscStore;

/// <summary>
/// A sandbox サブスクストア shop on 127.0.0.1 plus the connector wired as in the app (AddSubscStoreCart),
/// retries shortened to milliseconds. The shop's clock is fake (token expiry); the connector keeps the real one,
/// because the resilience pipeline takes its TimeProvider from the container and would never finish a wait.
/// </summary>
internal sealed class SubscStoreTestHost : CartTestHost<SubscStoreStore>
{
    public const string ApplicationId = "ecai-test-app";
    public const string SecretKey = "ss_secret_9b3e";

    private SubscStoreTestHost(SandboxServer<SubscStoreStore> server, ServiceProvider services, FakeTimeProvider clock)
        : base(server, services)
    {
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }
    public RecordingTokens Tokens { get; } = new();
    public ICartClientFactory Factory => Services.GetServices<ICartClientFactory>().Single(f => f.Supports(CartKind.SubscStore));

    public static async Task<SubscStoreTestHost> StartAsync(int customers = 300, int orders = 1_234, Action<SubscStoreOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new SubscStoreStore(new SubscStoreStoreOptions
        {
            Seed = 7, Customers = customers, Orders = orders, ApplicationId = ApplicationId, SecretKey = SecretKey, Clock = clock,
        });
        var server = await SubscStoreSandbox.StartAsync(store);
        var services = Connector<SubscStoreOptions>(s => s.AddSubscStoreCart(), configure);
        return new SubscStoreTestHost(server, services, clock);
    }

    /// <summary>A client as CartSync would build it: by default the right credentials and the last stored token.</summary>
    public ICartClient Client(string secretKey = SecretKey, CartToken? token = null, bool reuseToken = true, string? baseUrl = null)
    {
        var secrets = new CartSecrets(new Dictionary<string, string> { [CartSpec.ApplicationId] = ApplicationId, [CartSpec.SecretKey] = secretKey },
            token ?? (reuseToken ? Tokens.Latest : null));
        return Factory.Create(new CartEndpoint(42, CartKind.SubscStore, "shop.example.jp", baseUrl ?? Server.BaseUrl, secrets, Tokens, DateTimeOffset.UtcNow));
    }
}

/// <summary>The tokens the connector asks to keep, as the real store does per connection.</summary>
internal sealed class RecordingTokens : ICartTokenStore
{
    private readonly List<CartToken> _saved = [];

    public IReadOnlyList<CartToken> Saved
    {
        get { lock (_saved) return [.. _saved]; }
    }

    public CartToken? Latest
    {
        get { lock (_saved) return _saved.LastOrDefault(); }
    }

    public Task SaveTokenAsync(int connectionId, CartToken token, CancellationToken ct)
    {
        Assert.Equal(42, connectionId);
        lock (_saved) _saved.Add(token);
        return Task.CompletedTask;
    }
}
