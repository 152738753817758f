using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Broadcasts;
using Ecai.Domain.Realtime;
using Ecai.Domain.Time;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Broadcasts;

/// <summary>
/// 一斉配信の作成: the audience (the member filter panel) with its live recipient count and the estimated messages against
/// the month's remaining quota, the content, 「今すぐ送信」 or 「予約」 at a JST date-time (a past time is refused), and a
/// confirm dialog with the count.
/// </summary>
public sealed partial class BroadcastCreatePage : BotPage
{
    private MemberFilter _filter = MemberFilter.All;
    private BroadcastEstimate? _estimate;
    private string? _title;
    private MessageContent _content = MessageContent.Empty;
    private bool _scheduled;
    private DateTime? _at; // JST wall clock
    private bool _sending;
    private IReadOnlyList<string> _errors = [];

    [Inject] private Domain.Messaging.Broadcasts.Broadcasts Broadcasts { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override async Task LoadAsync(int botId, CancellationToken ct) =>
        _estimate = _filter.Problems().Count > 0 ? null : await Broadcasts.EstimateAsync(botId, _filter, ct);

    // Ledger changes (other sends) do not change who the audience is; member changes do.
    protected override Task OnLiveEventAsync(LiveEvent e)
    {
        if (e is MemberChanged or DashboardChanged or TagsChanged) RequestReload();
        return Task.CompletedTask;
    }

    private async Task FilterChangedAsync(MemberFilter filter)
    {
        _filter = filter;
        _estimate = null;
        if (Bot is not null) await LoadAsync(Bot.Id, Aborted);
    }

    /// <summary>The chosen JST time as an instant, or null until both day and time are filled in.</summary>
    private DateTimeOffset? At => _at is { } wall ? JapanTime.FromJstWallClock(wall) : null;

    private string? AtProblem
    {
        get
        {
            if (!_scheduled) return null;
            if (At is not { } at) return null;
            return at <= Clock.GetUtcNow() ? L["Broadcasts.AtPast", Fmt.Time(Clock.GetUtcNow())].Value : null;
        }
    }

    private bool CanSend => RendererInfo.IsInteractive && !_sending && _estimate is { Recipients: > 0 } && !string.IsNullOrWhiteSpace(_title)
        && _content.Problems().Count == 0 && (!_scheduled || At is not null && AtProblem is null);

    private async Task SendAsync()
    {
        if (Bot is null || _estimate is not { } estimate || !CanSend) return;
        var question = _scheduled
            ? L["Broadcasts.ConfirmScheduled", Fmt.Time(At), Fmt.Number(estimate.Recipients)]
            : L["Broadcasts.ConfirmNow", Fmt.Number(estimate.Recipients)];
        if (await Dialogs.ShowMessageBoxAsync(L["Nav.Broadcasts"], question, yesText: _scheduled ? L["Broadcasts.Schedule"] : L["Broadcasts.SendNow"],
                cancelText: L["Common.Cancel"]) != true) return;
        _sending = true;
        try
        {
            var (id, errors) = await Broadcasts.CreateAsync(Bot.Id,
                new BroadcastRequest(_title, _content, _filter, _scheduled ? At : null), BotContext.OperatorName, Aborted);
            _errors = errors;
            if (id is null) return;
            Snackbar.Add(_scheduled ? L["Broadcasts.Scheduled"] : L["Broadcasts.Sending"], Severity.Success);
            Navigation.NavigateTo("/broadcasts");
        }
        finally
        {
            _sending = false;
        }
    }
}
