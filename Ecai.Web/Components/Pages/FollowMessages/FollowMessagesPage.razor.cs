using Ecai.Domain.Messaging.Follow;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ecai.Web.Components.Pages.FollowMessages;

/// <summary>引上フォローメッセージ: the list with each scenario's sent / failed / pending / skipped counts, on/off, priority, delete.</summary>
public sealed partial class FollowMessagesPage : BotPage
{
    private IReadOnlyList<FollowMessageRow> _rows = [];

    [Inject] private Ecai.Domain.Messaging.Follow.FollowMessages Follow { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    protected override async Task LoadAsync(int botId, CancellationToken ct) => _rows = await Follow.ListAsync(botId, ct);

    private async Task SetEnabledAsync(int id, bool on)
    {
        if (Bot is null) return;
        await Follow.SetEnabledAsync(Bot.Id, id, on, Aborted);
        await LoadAsync(Bot.Id, Aborted);
    }

    private async Task MoveAsync(int id, bool up)
    {
        if (Bot is null) return;
        await Follow.MoveAsync(Bot.Id, id, up, Aborted);
        await LoadAsync(Bot.Id, Aborted);
    }

    private async Task DeleteAsync(FollowMessageRow row)
    {
        if (Bot is null) return;
        if (await Dialogs.ShowMessageBoxAsync(L["Follow.Delete"], L["Follow.DeleteConfirm", row.Name],
                yesText: L["Follow.Delete"], cancelText: L["Common.Cancel"]) != true) return;
        await Follow.DeleteAsync(Bot.Id, row.Id, Aborted);
        await LoadAsync(Bot.Id, Aborted);
    }
}
