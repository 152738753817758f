using Ecai.Domain.Members;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Members;

/// <summary>
/// 保存した条件 on 会員リスト: choosing one hands its filter to <see cref="Apply"/> (the page puts it in the URL); 「この条件を保存」
/// asks for a name; the chosen one can be overwritten with the current filter or deleted (each after a confirmation).
/// Opened on a filter that a saved one equals, that one is shown as chosen. Overwriting sends the version of the saved filter
/// as listed: when it changed meanwhile (another operator), nothing is overwritten, the menu says so and reads it again.
/// </summary>
public sealed partial class SavedFilterMenu : ComponentBase
{
    private IReadOnlyList<SavedFilterItem> _items = [];
    private int? _selectedId;
    private string? _error;

    [Parameter, EditorRequired] public int BotId { get; set; }
    /// <summary>The page's current filter (what 「この条件を保存」 saves).</summary>
    [Parameter, EditorRequired] public MemberFilter Filter { get; set; } = MemberFilter.All;
    [Parameter] public EventCallback<MemberFilter> Apply { get; set; }
    [Inject] private SavedFilters Saved { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private SavedFilterItem? Selected => _items.FirstOrDefault(i => i.Id == _selectedId);

    protected override async Task OnInitializedAsync()
    {
        await ReloadAsync();
        var json = Filter.ToJson();
        _selectedId = _items.FirstOrDefault(i => i.Filter.ToJson() == json)?.Id;
    }

    private async Task ReloadAsync()
    {
        _items = await Saved.ListAsync(BotId, CancellationToken.None);
        if (Selected is null) _selectedId = null;
    }

    private async Task ApplyAsync(int? id)
    {
        _error = null;
        if (id is not { } chosen) { _selectedId = null; return; }
        var item = await Saved.GetAsync(BotId, chosen, CancellationToken.None);
        if (item is null)
        {
            _error = SavedFilters.NotFound;
            await ReloadAsync();
            return;
        }
        _selectedId = item.Id;
        await Apply.InvokeAsync(item.Filter);
    }

    private async Task SaveAsNewAsync()
    {
        _error = null;
        var filter = Filter;
        var parameters = new DialogParameters<SavedFilterNameDialog>
        {
            { d => d.Save, name => Saved.SaveAsNewAsync(BotId, name, filter, CancellationToken.None) },
        };
        var dialog = await Dialogs.ShowAsync<SavedFilterNameDialog>(L["SavedFilters.Save"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is not { Canceled: false, Data: int id }) return;
        await ReloadAsync();
        _selectedId = id;
        Snackbar.Add(L["SavedFilters.Saved", Selected?.Name ?? ""], Severity.Success);
    }

    private async Task OverwriteAsync()
    {
        if (Selected is not { } selected) return;
        _error = null;
        if (await Dialogs.ShowMessageBoxAsync(L["SavedFilters.Title"], L["SavedFilters.OverwriteConfirm", selected.Name],
                yesText: L["SavedFilters.OverwriteYes"], cancelText: L["Common.Cancel"]) != true) return;
        var result = await Saved.OverwriteAsync(BotId, selected.Id, Filter, selected.Version, CancellationToken.None);
        if (result.IsStale) _error = L["SavedFilters.Stale", selected.Name];
        else if (!result.Succeeded) _error = string.Join(" ", result.Errors);
        else Snackbar.Add(L["SavedFilters.Overwritten", selected.Name], Severity.Success);
        await ReloadAsync();
    }

    private async Task DeleteAsync()
    {
        if (Selected is not { } selected) return;
        _error = null;
        if (await Dialogs.ShowMessageBoxAsync(L["SavedFilters.Title"], L["SavedFilters.DeleteConfirm", selected.Name],
                yesText: L["SavedFilters.DeleteYes"], cancelText: L["Common.Cancel"]) != true) return;
        if (await Saved.DeleteAsync(BotId, selected.Id, CancellationToken.None) is { } refused) _error = refused;
        else Snackbar.Add(L["SavedFilters.Deleted", selected.Name], Severity.Info);
        _selectedId = null;
        await ReloadAsync();
    }
}
