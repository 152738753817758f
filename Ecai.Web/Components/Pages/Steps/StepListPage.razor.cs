using Ecai.Domain.Messaging.Steps;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Steps;

/// <summary>ステップメッセージ: the bot's scenarios with their status switch, trigger and each step's sent / failed / pending counts.</summary>
public sealed partial class StepListPage : BotPage
{
    private IReadOnlyList<StepScenarioRow> _rows = [];
    /// <summary>Bumped when a switch-on is cancelled: the switches are rebuilt so the one clicked shows off again.</summary>
    private int _switches;

    [Inject] private StepScenarios Scenarios { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task LoadAsync(int botId, CancellationToken ct) => _rows = await Scenarios.ListAsync(botId, ct);

    private string TriggerText(StepScenarioRow row) => row.Trigger == StepTrigger.FriendAdded
        ? L["Steps.TriggerFriendAdded"]
        : L["Steps.TriggerTagAddedNamed", row.TagName ?? ""];

    /// <summary>Switching on first says whom the scenario reaches from now (<see cref="StepReach"/>) and asks to confirm.</summary>
    private async Task SetEnabledAsync(StepScenarioRow row, bool on)
    {
        if (Bot is null) return;
        if (on && await Scenarios.GetAsync(Bot.Id, row.Id, Aborted) is { } draft)
        {
            var reach = await Scenarios.ReachAsync(Bot.Id, draft.Trigger, draft.TagId, draft.Filter, Aborted);
            var text = string.Join(" ", StepReachText.Lines(L, draft.Trigger, reach));
            if (await Dialogs.ShowMessageBoxAsync(L["Steps.SwitchOnTitle", row.Name], text,
                    yesText: L["Steps.SwitchOn"], cancelText: L["Common.Cancel"]) != true)
            {
                _switches++;
                return;
            }
        }
        await Scenarios.SetEnabledAsync(Bot.Id, row.Id, on, Aborted);
        Snackbar.Add(on ? L["Steps.SwitchedOn", row.Name] : L["Steps.SwitchedOff", row.Name], Severity.Info);
        await LoadAsync(Bot.Id, Aborted);
    }

    private async Task DeleteAsync(StepScenarioRow row)
    {
        if (Bot is null) return;
        if (await Dialogs.ShowMessageBoxAsync(L["Steps.Delete"], L["Steps.DeleteConfirm", row.Name],
                yesText: L["Steps.Delete"], cancelText: L["Common.Cancel"]) != true) return;
        await Scenarios.DeleteAsync(Bot.Id, row.Id, Aborted);
        await LoadAsync(Bot.Id, Aborted);
    }
}
