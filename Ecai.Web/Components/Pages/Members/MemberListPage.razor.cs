using Coravel.Queuing.Interfaces;
using Ecai.Domain.Dashboard;
using Ecai.Domain.Jobs;
using Ecai.Domain.Members;
using Ecai.Domain.Realtime;
using Ecai.Domain.Tags;
using Ecai.Web.Components.Shared;
using Ecai.Web.Jobs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Members;

/// <summary>
/// 会員リスト: the filter panel, the live count of the members it selects, a server-paged grid of them,
/// bulk tag add/remove on the whole selection (a job with progress), and monthly link counts. The filter lives in the URL
/// (<see cref="MemberFilterQuery"/>), so it survives leaving the page and coming back, and a bookmark or a shared link opens the same list.
/// </summary>
public sealed partial class MemberListPage : BotPage
{
    private MemberFilter _filter = MemberFilter.All;
    private MudDataGrid<MemberRow>? _grid;
    private long? _count;
    private long _total;
    private int? _bulkTag;
    private IReadOnlyList<TagOption> _tags = [];
    private IReadOnlyList<MonthlyLinks> _months = [];
    private readonly Dictionary<long, JobProgressView> _jobs = [];
    private string _appliedQuery = "";
    private IReadOnlyList<string> _unreadQuery = [];

    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private MemberSearch Search { get; set; } = default!;
    [Inject] private DashboardQueries Dashboard { get; set; } = default!;
    [Inject] private BulkTags Bulk { get; set; } = default!;
    [Inject] private IQueue Queue { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        ApplyQuery(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
        await base.OnInitializedAsync();
    }

    protected override void OnDisposing() => Navigation.LocationChanged -= OnLocationChanged;

    /// <summary>Back, forward or a link to 会員リスト with another filter while the page is open: show that one.</summary>
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(async () =>
    {
        if (Bot is null || !Loaded || !IsThisPage(e.Location) || QueryOf(e.Location) == _appliedQuery) return;
        ApplyQuery(e.Location);
        await LoadAsync(Bot.Id, Aborted);
        StateHasChanged();
    });

    private bool IsThisPage(string uri) =>
        Navigation.ToBaseRelativePath(uri).Split('?', '#')[0].TrimEnd('/').Equals("members", StringComparison.OrdinalIgnoreCase);

    private static string QueryOf(string uri) => new Uri(uri).Query.TrimStart('?');

    private void ApplyQuery(string uri)
    {
        var (filter, unread) = MemberFilterQuery.Read(QueryOf(uri));
        _filter = filter;
        _unreadQuery = unread;
        _appliedQuery = QueryOf(uri);
    }

    protected override async Task LoadAsync(int botId, CancellationToken ct)
    {
        _tags = await Search.TagsAsync(botId, ct);
        _total = await Search.CountAsync(botId, MemberFilter.All, ct);
        _count = _filter.Problems().Count > 0 ? null : await Search.CountAsync(botId, _filter, ct);
        _months = await Dashboard.MonthsAsync(botId, ct);
        if (_grid is not null) await _grid.ReloadServerData();
    }

    protected override Task OnLiveEventAsync(LiveEvent e)
    {
        if (e is JobProgressChanged { Kind: BulkTagJob.Kind } p)
        {
            if (p.State == JobState.Running) _jobs[p.JobRunId] = JobProgressView.From(p);
            else _jobs.Remove(p.JobRunId);
        }
        if (e is not JobProgressChanged { State: JobState.Running }) RequestReload();
        return Task.CompletedTask;
    }

    private async Task FilterChangedAsync(MemberFilter filter)
    {
        _filter = filter;
        _unreadQuery = [];
        _appliedQuery = MemberFilterQuery.Write(filter);
        // Replace, not push: the history keeps one entry for the list, holding its latest filter.
        Navigation.NavigateTo(_appliedQuery.Length == 0 ? "members" : "members?" + _appliedQuery, replace: true);
        if (Bot is not null) await LoadAsync(Bot.Id, Aborted);
    }

    private async Task<GridData<MemberRow>> LoadRowsAsync(GridState<MemberRow> state, CancellationToken ct)
    {
        if (Bot is null || _filter.Problems().Count > 0) return new GridData<MemberRow> { Items = [], TotalItems = 0 };
        var sort = state.SortDefinitions.FirstOrDefault();
        var by = sort?.SortBy switch
        {
            nameof(MemberRow.Id) => MemberSort.Id,
            nameof(MemberRow.DisplayName) => MemberSort.DisplayName,
            nameof(MemberRow.Orders) => MemberSort.Orders,
            nameof(MemberRow.Amount) => MemberSort.Amount,
            nameof(MemberRow.LastPurchaseAt) => MemberSort.LastPurchase,
            _ => MemberSort.FriendAddedAt,
        };
        var rows = await Search.PageAsync(Bot.Id, _filter, by, sort?.Descending ?? true, state.Page * state.PageSize, state.PageSize, ct);
        return new GridData<MemberRow> { Items = rows, TotalItems = (int)Math.Min(int.MaxValue, _count ?? 0) };
    }

    private async Task BulkAsync(TagRuleAction action)
    {
        if (Bot is null || _bulkTag is not { } tagId || _count is not { } count) return;
        var name = await Bulk.TagNameAsync(Bot.Id, tagId, Aborted);
        if (name is null) return;
        var question = action == TagRuleAction.Add ? L["Members.BulkAddConfirm", Fmt.Number(count), name] : L["Members.BulkRemoveConfirm", Fmt.Number(count), name];
        if (await Dialogs.ShowMessageBoxAsync(L["Members.BulkTag"], question, yesText: L["Members.BulkRun"], cancelText: L["Common.Cancel"]) != true) return;
        BulkTagJob.Queue(Queue, new BulkTagRequest(Bot.Id, _filter, tagId, action), name);
        Snackbar.Add(L["Members.BulkQueued"], Severity.Info);
    }
}
