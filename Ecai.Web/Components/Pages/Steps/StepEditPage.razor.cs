using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Steps;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Steps;

/// <summary>
/// A scenario's editor: name, status, trigger (friend added / a tag), optional filter (the member list's filter panel,
/// checked when each step is due), and the steps in order with their delay and content. The draft keeps the scenario's
/// version it loaded: when the scenario changed meanwhile (another operator, the list's switch), saving is refused with a
/// message and the editor shows the fresh scenario.
/// </summary>
public sealed partial class StepEditPage : BotPage
{
    private StepScenarioDraft? _draft;
    private IReadOnlyList<TagOption> _tags = [];
    private IReadOnlyList<string> _errors = [];
    private bool _saving, _stale;
    private StepReach? _reach;

    /// <summary>Null for a new scenario.</summary>
    [Parameter] public int? ScenarioId { get; set; }
    [Inject] private StepScenarios Scenarios { get; set; } = default!;
    [Inject] private MemberSearch Search { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task LoadAsync(int botId, CancellationToken ct)
    {
        _tags = await Search.TagsAsync(botId, ct);
        // Live reloads keep what the operator is typing: the draft is read once.
        if (Loaded) return;
        _draft = ScenarioId is { } id ? await Scenarios.GetAsync(botId, id, ct) : new StepScenarioDraft();
        await RefreshReachAsync(botId, ct);
    }

    /// <summary>Whom the scenario reaches once on, for the trigger and filter as edited (see <see cref="StepReach"/>).</summary>
    private Task RefreshReachAsync() => Bot is null ? Task.CompletedTask : RefreshReachAsync(Bot.Id, Aborted);

    private async Task RefreshReachAsync(int botId, CancellationToken ct)
    {
        if (_draft is null) return;
        _reach = await Scenarios.ReachAsync(botId, _draft.Trigger, _draft.TagId, _draft.Filter, ct);
    }

    private Task SetFilteredAsync(bool on)
    {
        if (_draft is null) return Task.CompletedTask;
        _draft.Filter = on ? _draft.Filter ?? MemberFilter.All : null;
        return RefreshReachAsync();
    }

    private Task SetFilterAsync(MemberFilter filter)
    {
        if (_draft is null) return Task.CompletedTask;
        _draft.Filter = filter;
        return RefreshReachAsync();
    }

    private void AddStep() => _draft?.Steps.Add(new StepDraft());

    private void Move(int index, int by)
    {
        if (_draft is null || index + by < 0 || index + by >= _draft.Steps.Count) return;
        (_draft.Steps[index], _draft.Steps[index + by]) = (_draft.Steps[index + by], _draft.Steps[index]);
    }

    private string DelayText(StepDraft step) =>
        step.DelayKind == StepDelayKind.DaysAt && StepDelay.ParseTime(step.At) is null
            ? L["Steps.AtUnread"]
            : L["Steps.DelayAfterTrigger", step.Delay.Describe()];


    private async Task SaveAsync()
    {
        if (Bot is null || _draft is null) return;
        _saving = true;
        try
        {
            var result = await Scenarios.SaveAsync(Bot.Id, _draft, Aborted);
            _errors = result.Errors;
            _stale = result.IsStale;
            if (result.Fresh is { } fresh)
            {
                _draft = fresh;
                await RefreshReachAsync();
                return;
            }
            if (!result.Succeeded) return;
            Snackbar.Add(L["Steps.Saved", _draft.Name.Trim()], Severity.Success);
            Navigation.NavigateTo("/steps");
        }
        finally { _saving = false; }
    }
}
