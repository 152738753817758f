using Ecai.Domain.Carts;
using Ecai.Domain.Jobs;
using Ecai.Domain.Realtime;
using Ecai.Web.Components.Shared;
using Ecai.Web.Jobs;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Integrations;

/// <summary>外部連携: one card per supported cart; connect, options, pull now with live progress, disconnect.</summary>
public sealed partial class IntegrationsPage : BotPage
{
    private readonly Dictionary<CartKind, string> _warnings = [];
    private IReadOnlyList<ConnectionView> _connections = [];
    private JobProgressView? _progress;
    // PullTrigger frees the bot just after the run's last event; once we saw that event, trust it.
    private bool _sawPullEnd;

    /// <summary>Set by /cartauth/callback after the cart's approval screen: "ok" or "failed", with a Japanese message.</summary>
    [SupplyParameterFromQuery] public string? Auth { get; set; }
    [SupplyParameterFromQuery] public string? Message { get; set; }

    [Inject] private CartConnections Connections { get; set; } = default!;
    [Inject] private PullTrigger Trigger { get; set; } = default!;
    [Inject] private JobRuns Runs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private bool PullBusy => _progress is not null || (Bot is { } bot && Trigger.IsBusy(bot.Id) && !_sawPullEnd);

    protected override async Task LoadAsync(int botId, CancellationToken ct)
    {
        _connections = await Connections.ListAsync(botId, ct);
        // Opened while a pull runs: show it at once; live events take over from here.
        if (!Loaded && (await Runs.RunningAsync(botId, ct)).FirstOrDefault(r => r.Kind == PullCartsJob.Kind) is { } run)
            _progress = JobProgressView.From(run) with { ConnectionId = Trigger.ConnectionOf(botId) };
    }

    protected override Task OnLiveEventAsync(LiveEvent e)
    {
        if (e is JobProgressChanged { Kind: PullCartsJob.Kind } p)
        {
            _sawPullEnd = p.State != JobState.Running;
            _progress = _sawPullEnd ? null : JobProgressView.From(p);
            if (!_sawPullEnd) return Task.CompletedTask;
            if (p is { State: JobState.Succeeded, Done: 0 }) Snackbar.Add(L["Integrations.NothingNew"], Severity.Info);
        }
        if (e is JobProgressChanged or ConnectionChanged) RequestReload();
        return Task.CompletedTask;
    }

    /// <summary>A card's progress: a pull of that connection, or of all the bot's carts.</summary>
    private JobProgressView? ProgressOf(ConnectionView? connection) =>
        _progress is { } p && connection is not null && (p.ConnectionId is null || p.ConnectionId == connection.Id) ? p : null;

    /// <summary>今すぐ取り込む: one cart (its card), or all of the bot's carts (the page's button) when null.</summary>
    private Task PullAsync(int? connectionId)
    {
        if (Bot is null) return Task.CompletedTask;
        if (Trigger.Request(Bot.Id, connectionId)) Snackbar.Add(L["Integrations.PullQueued"], Severity.Info);
        else Snackbar.Add(L["Integrations.PullAlreadyRunning"], Severity.Warning);
        _sawPullEnd = false;
        return Task.CompletedTask;
    }

    private async Task OnConnectedAsync(CartKind kind, ConnectResult result)
    {
        if (result.Warning is { } warning) _warnings[kind] = warning;
        else _warnings.Remove(kind);
        await ReloadNowAsync();
    }

    private async Task ReloadNowAsync()
    {
        if (Bot is not null) await LoadAsync(Bot.Id, Aborted);
    }
}
