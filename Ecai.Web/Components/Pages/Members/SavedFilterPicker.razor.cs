using Ecai.Domain.Members;
using Microsoft.AspNetCore.Components;

namespace Ecai.Web.Components.Pages.Members;

/// <summary>
/// Picks one of the bot's saved filters and hands a copy to <see cref="Picked"/>: the page keeps the filter as its own, so a
/// later change to the saved filter does not change it (<see cref="Caption"/> says so).
/// </summary>
public sealed partial class SavedFilterPicker : ComponentBase
{
    private IReadOnlyList<SavedFilterItem> _items = [];
    private int? _pickedId;
    private string? _error;

    [Parameter, EditorRequired] public int BotId { get; set; }
    [Parameter] public EventCallback<MemberFilter> Picked { get; set; }
    /// <summary>What picking does to the page's filter (a copy, not kept in step with the saved one).</summary>
    [Parameter] public string? Caption { get; set; }
    [Inject] private SavedFilters Saved { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _items = await Saved.ListAsync(BotId, CancellationToken.None);

    private async Task PickAsync(int? id)
    {
        _error = null;
        _pickedId = id;
        if (id is not { } chosen) return;
        if (await Saved.GetAsync(BotId, chosen, CancellationToken.None) is not { } item)
        {
            _error = SavedFilters.NotFound;
            _pickedId = null;
            _items = await Saved.ListAsync(BotId, CancellationToken.None);
            return;
        }
        await Picked.InvokeAsync(item.Filter);
    }
}
