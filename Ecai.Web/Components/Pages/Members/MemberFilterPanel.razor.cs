using System.Globalization;
using Ecai.Domain.Carts;
using Ecai.Domain.Members;
using Microsoft.AspNetCore.Components;

namespace Ecai.Web.Components.Pages.Members;

/// <summary>The filter panel: loads the bot's tags, carts, products and courses for its dropdowns and reports each change.</summary>
public sealed partial class MemberFilterPanel : ComponentBase
{
    private IReadOnlyList<TagOption> _tags = [];
    private IReadOnlyList<ConnectionView> _connections = [];
    private IReadOnlyList<ProductOption> _products = [];
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
        _products = await Search.ProductsAsync(BotId, CancellationToken.None);
        _courses = _products.Select(p => p.CourseName).OfType<string>().Distinct().Order().ToList();
    }

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

    private string ProductName(string? code) => code is null ? "" : _products.FirstOrDefault(p => p.Code == code)?.Name ?? code;

    private static string? DateText(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
