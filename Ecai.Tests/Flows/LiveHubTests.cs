using System.Collections.Concurrent;
using Ecai.Domain.Carts;
using Ecai.Domain.Jobs;
using Ecai.Domain.Realtime;
using Ecai.Integrations.Carts.Ecforce.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Tests.Support;
using Ecai.Web.Jobs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Ecai.Tests.Flows;

/// <summary>A SignalR client on /hubs/live receives a pull's progress for its bot, and only for bots it may open.</summary>
public sealed class LiveHubTests : IAsyncLifetime
{
    private readonly EcaiAppFactory _app = new();
    private SandboxServer<EcforceStore> _sandbox = null!;
    private EcforceStore _store = null!;
    private int _bot;
    private int _otherBot;
    private string _cookie = "";

    public async Task InitializeAsync()
    {
        _store = new EcforceStore(new EcforceStoreOptions
        {
            Seed = 5, Customers = 200, Orders = 1500, Start = DateTimeOffset.UtcNow.AddMonths(-3), Span = TimeSpan.FromDays(90),
        });
        _sandbox = await EcforceSandbox.StartAsync(_store);
        (_bot, var email, var password) = await _app.AddOperatorWithBotAsync("ライブ", "live@example.jp");
        (_otherBot, _, _) = await _app.AddOperatorWithBotAsync("他社", "other@example.jp");
        await _app.ConnectEcforceSandboxAsync(_bot, _sandbox.BaseUrl);
        (_, _cookie) = await _app.LoginAsync(email, password);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    private HubConnection Connect() => new HubConnectionBuilder()
        .WithUrl(new Uri(_app.Server.BaseAddress, "/hubs/live"), o =>
        {
            o.Transports = HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling;
            o.HttpMessageHandlerFactory = _ => _app.Server.CreateHandler();
            o.Headers["Cookie"] = _cookie;
        })
        .Build();

    [Fact]
    public async Task The_hub_pushes_a_pulls_progress_to_the_bots_group_until_it_succeeds()
    {
        var events = new ConcurrentQueue<JobProgressChanged>();
        var finished = new TaskCompletionSource<JobProgressChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = Connect();
        hub.On<JobProgressChanged>(nameof(Ecai.Web.Realtime.ILiveClient.JobProgress), e =>
        {
            events.Enqueue(e);
            if (e.State != JobState.Running) finished.TrySetResult(e);
        });
        await hub.StartAsync();
        await hub.InvokeAsync("JoinBot", _bot);

        // Progress goes out at most ~10 times a second; slow pages keep a fast machine from pulling it all in one tick.
        _store.Faults.ResponseDelay = TimeSpan.FromMilliseconds(150);
        Assert.True(_app.Services.GetRequiredService<PullTrigger>().Request(_bot));
        var last = await finished.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(JobState.Succeeded, last.State);
        Assert.All(events, e => Assert.Equal(_bot, e.BotId));
        var running = events.Where(e => e.State == JobState.Running).ToList();
        Assert.Contains(running, e => e.Done > 0 && e.Done < last.Done);
        Assert.Equal(running.Select(e => e.Done).Order(), running.Select(e => e.Done));
        Assert.True(last.Done >= _store.OrderCount);
    }

    [Fact]
    public async Task Joining_a_bot_the_operator_was_not_granted_is_refused()
    {
        await using var hub = Connect();
        await hub.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("JoinBot", _otherBot));
        Assert.Contains("権限がありません", error.Message);
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_clients()
    {
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(_app.Server.BaseAddress, "/hubs/live"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => _app.Server.CreateHandler();
            })
            .Build();

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => hub.StartAsync());
    }

}
