using Ecai.Domain.Realtime;
using Ecai.Web.Realtime;
using Microsoft.AspNetCore.Components;

namespace Ecai.Web.Components.Shared;

/// <summary>
/// Base of a page that shows one bot's data live: re-checks access to the current bot, loads,
/// subscribes to the bot's live events and reloads at most every 500 ms while events arrive.
/// </summary>
public abstract class BotPage : ComponentBase, IDisposable
{
    private static readonly TimeSpan ReloadInterval = TimeSpan.FromMilliseconds(500);
    private readonly CancellationTokenSource _disposed = new();
    private IDisposable? _subscription;
    private Throttle? _reload;

    [Inject] protected BotContext BotContext { get; set; } = default!;
    [Inject] private LiveBroadcaster Live { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<BotPage> Log { get; set; } = default!;

    /// <summary>The bot this page shows; null until loaded or when access is denied.</summary>
    protected BotRef? Bot { get; private set; }
    protected bool Loaded { get; private set; }
    protected bool Denied { get; private set; }
    protected CancellationToken Aborted => _disposed.Token;

    protected override async Task OnInitializedAsync()
    {
        Bot = await BotContext.OpenCurrentAsync(Aborted);
        if (Bot is null) { Denied = true; return; }
        _reload = new Throttle(ReloadInterval, ReloadAsync, Clock, Log);
        _subscription = Live.Subscribe(Bot.Id, e => InvokeAsync(async () =>
        {
            await OnLiveEventAsync(e);
            StateHasChanged();
        }));
        await LoadAsync(Bot.Id, Aborted);
        Loaded = true;
    }

    /// <summary>Loads everything the page shows for the bot.</summary>
    protected abstract Task LoadAsync(int botId, CancellationToken ct);

    /// <summary>Handles a live event of the bot (on the renderer's thread). Default: reload.</summary>
    protected virtual Task OnLiveEventAsync(LiveEvent e)
    {
        RequestReload();
        return Task.CompletedTask;
    }

    /// <summary>Reloads now, or at the end of the current 500 ms window.</summary>
    protected void RequestReload() => _reload?.Trigger();

    private Task ReloadAsync(CancellationToken ct) => InvokeAsync(async () =>
    {
        if (Bot is null || ct.IsCancellationRequested) return;
        await LoadAsync(Bot.Id, Aborted);
        StateHasChanged();
    });

    /// <summary>Releases what the page itself holds (an event subscription) when it is disposed.</summary>
    protected virtual void OnDisposing() { }

    public void Dispose()
    {
        OnDisposing();
        _subscription?.Dispose();
        _reload?.Dispose();
        _disposed.Cancel();
        GC.SuppressFinalize(this);
    }
}
