using Ecai.Domain.Line;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Integrations.Line;
using Ecai.Integrations.Line.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace Ecai.Tests.Integrations.Line;

/// <summary>
/// The LINE sandbox on 127.0.0.1 plus the client wired as in the app (AddLineApi), retries shortened to
/// milliseconds. The sandbox and the client each have their own fake clock, both starting at <see cref="Now"/>.
/// The client's fake clock is handed to the client only: the resilience pipeline takes the container's
/// TimeProvider for its back-off and time-outs, which must stay real (a fake one would wait forever).
/// </summary>
internal sealed class LineTestHost : IAsyncDisposable
{
    public const string AccessToken = "sandbox-channel-token";
    public const string LoginChannelId = "1650000000";
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private LineTestHost(SandboxServer<LineSandboxStore> server, ServiceProvider services, FakeTimeProvider clientClock)
    {
        Server = server;
        Services = services;
        ClientClock = clientClock;
    }

    public SandboxServer<LineSandboxStore> Server { get; }
    public LineSandboxStore Store => Server.Store;
    public FakeTimeProvider StoreClock => (FakeTimeProvider)Store.Clock;
    public FakeTimeProvider ClientClock { get; }
    public ServiceProvider Services { get; }
    public ILineLogin Login => Client(Services, ClientClock);
    public ILineMessaging Messaging => Client(Services, ClientClock);
    public ILineMessenger Messenger => Client(Services, ClientClock);

    public static async Task<LineTestHost> StartAsync()
    {
        var store = new LineSandboxStore(new FakeTimeProvider(Now));
        store.AcceptAccessToken(AccessToken);
        store.AddFriend("U1111", "山田 花子", "https://profile.line-scdn.net/u1111");
        store.AddFriend("U2222", "佐藤 一郎");
        var server = await LineSandbox.StartAsync(store);
        var clientClock = new FakeTimeProvider(Now);
        return new LineTestHost(server, Container(server.BaseUrl), clientClock);
    }

    /// <summary>The client's container as in the app, pointed at <paramref name="baseUrl"/>, with millisecond retries.</summary>
    public static ServiceProvider Container(string baseUrl, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection().AddLogging().AddLineApi()
            .Configure<LineOptions>(o =>
            {
                o.ApiBaseUrl = baseUrl;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
                o.MaxRetries = 2;
                o.SendRetryBaseDelay = TimeSpan.FromMilliseconds(5);
                o.SendMaxRetries = 3;
            });
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>The client from <paramref name="services"/>' pipeline, checking ID-token expiry on <paramref name="clock"/>.</summary>
    public static LineApiClient Client(IServiceProvider services, TimeProvider clock) =>
        new(services.GetRequiredService<IHttpMessageHandlerFactory>(), services.GetRequiredService<LineEndpoint>(), clock,
            services.GetRequiredService<ILogger<LineApiClient>>(), services.GetRequiredService<LinePacer>());

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
