using Ecai.Domain.Carts;
using Ecai.Domain.Members;
using Microsoft.AspNetCore.Components;

namespace Ecai.Web.Components.Pages.Members;

/// <summary>The filter panel: loads the bot's tags, carts, products and courses for its dropdowns and reports each change.</summary>
public sealed partial class MemberFilterPanel : ComponentBase
{
    private IReadOnlyList<TagOption> _tags = [];
    private IReadOnlyList<ConnectionView> _connections = [];
    /// <summary>The products the picker has shown (and the filter's own), by code, for their labels.</summary>
    private readonly Dictionary<string, ProductOption> _products = [];
    private IReadOnlyList<string> _courses = [];
    private readonly List<string> _unread = [];

    [Parameter, EditorRequired] public int BotId { get; set; }
    [Parameter, EditorRequired] public MemberFilter Filter { get; set; } = MemberFilter.All;
    [Parameter] public EventCallback<MemberFilter> FilterChanged { get; set; }
    [Inject] private MemberSearch Search { get; set; } = default!;
    [Inject] private CartConnections Connections { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _tags = await Search.TagsAsync(BotId, CancellationToken.None);
        _connections = await Connections.ListAsync(BotId, CancellationToken.None);
        _courses = await Search.CoursesAsync(BotId, CancellationToken.None);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (Filter.ProductCode is { } code && !_products.ContainsKey(code)
            && await Search.ProductAsync(BotId, code, CancellationToken.None) is { } product)
            _products[code] = product;
    }

    /// <summary>The picker's search, in SQL over the bot's products (the chosen purchase cart's only, when one is).</summary>
    private async Task<IEnumerable<string>> SearchProductsAsync(string? text, CancellationToken ct)
    {
        var found = await Search.SearchProductsAsync(BotId, text, Filter.PurchaseConnectionId, ct);
        foreach (var p in found) _products[p.Code] = p;
        return found.Select(p => p.Code);
    }

    private Task ProductChangedAsync(string? code) => SetAsync(Filter with { ProductCode = string.IsNullOrEmpty(code) ? null : code });

    private string ProductLabel(string code) =>
        _products.TryGetValue(code, out var p) ? $"{CartNames.Of(p.Kind)}: {p.Name} ({p.Code})" : code;

    private async Task SetAsync(MemberFilter filter)
    {
        Filter = filter;
        await FilterChanged.InvokeAsync(filter);
    }

    private Task ClearAsync()
    {
        _unread.Clear();
        return SetAsync(MemberFilter.All);
    }

    private string TagName(int id) => _tags.FirstOrDefault(t => t.Id == id)?.Name ?? "";

    private static string TagLabel(TagOption tag) => tag.Folder is { } folder ? $"{folder} / {tag.Name}" : tag.Name;

    private string ProductName(string? code) => code is null ? "" : _products.TryGetValue(code, out var p) ? p.Name : code;

    private static string? MonthDayText(int? mmdd) => mmdd is { } v ? $"{v / 100:00}/{v % 100:00}" : null;

    /// <summary>A typed month/day as MMDD; blank clears; anything unreadable is kept out of the filter and explained.</summary>
    private int? MonthDay(string? text)
    {
        _unread.Clear();
        var value = MemberFilter.ParseMonthDay(text);
        if (value is null && !string.IsNullOrWhiteSpace(text)) _unread.Add(L["Filter.MonthDayUnread", text]);
        return value;
    }
}
