using Ecai.Domain.Messaging.Broadcasts;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Broadcasts;

/// <summary>一斉配信: every broadcast with its state and the ledger's sent / failed / pending counts, live; cancel a scheduled one.</summary>
public sealed partial class BroadcastListPage : BotPage
{
    private IReadOnlyList<BroadcastRow> _rows = [];

    [Inject] private Domain.Messaging.Broadcasts.Broadcasts Broadcasts { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task LoadAsync(int botId, CancellationToken ct) => _rows = await Broadcasts.ListAsync(botId, ct);

    private async Task CancelAsync(BroadcastRow row)
    {
        if (Bot is null) return;
        if (await Dialogs.ShowMessageBoxAsync(L["Broadcasts.Cancel"], L["Broadcasts.CancelConfirm", row.Title],
                yesText: L["Broadcasts.CancelYes"], cancelText: L["Common.Cancel"]) != true) return;
        var cancelled = await Broadcasts.CancelAsync(Bot.Id, row.Id, Aborted);
        Snackbar.Add(cancelled ? L["Broadcasts.Cancelled"] : L["Broadcasts.CannotCancel"], cancelled ? Severity.Info : Severity.Warning);
        await LoadAsync(Bot.Id, Aborted);
    }

    private string StateText(BroadcastState state) => state switch
    {
        BroadcastState.Scheduled => L["Broadcasts.StateScheduled"],
        BroadcastState.Sending => L["Broadcasts.StateSending"],
        BroadcastState.Done => L["Broadcasts.StateDone"],
        BroadcastState.Cancelled => L["Broadcasts.StateCancelled"],
        _ => L["Broadcasts.StateDraft"],
    };

    private static Color StateColor(BroadcastState state) => state switch
    {
        BroadcastState.Scheduled => Color.Info,
        BroadcastState.Sending => Color.Warning,
        BroadcastState.Done => Color.Success,
        _ => Color.Default,
    };
}
