using Ecai.Domain.Members;
using Ecai.Domain.Realtime;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Members;

/// <summary>
/// 連携状況: linked and total friends, unlinked friends per reason (a chip filters the table), and the
/// unlinked friends paged in SQL, each opening 会員詳細. Reloads live when the bot's counts change.
/// </summary>
public sealed partial class MatchHealthPage : BotPage
{
    private MatchHealthSummary? _summary;
    private MatchReason? _reason;
    private MudTable<UnlinkedMember>? _table;

    [Inject] private MatchHealth Health { get; set; } = default!;

    protected override async Task LoadAsync(int botId, CancellationToken ct)
    {
        _summary = await Health.SummaryAsync(botId, ct);
        if (_table is not null) await _table.ReloadServerData();
    }

    /// <summary>Counts change with members and links (and a new or removed cart); job progress alone does not reload.</summary>
    protected override Task OnLiveEventAsync(LiveEvent e)
    {
        if (e is DashboardChanged or ConnectionChanged) RequestReload();
        return Task.CompletedTask;
    }

    private async Task<TableData<UnlinkedMember>> LoadPageAsync(TableState state, CancellationToken ct)
    {
        if (Bot is null) return new TableData<UnlinkedMember> { Items = [], TotalItems = 0 };
        var page = await Health.ListAsync(Bot.Id, _reason, state.Page, state.PageSize, ct);
        return new TableData<UnlinkedMember> { Items = page.Items, TotalItems = page.TotalCount };
    }

    /// <summary>Filters the table by a reason (null: every unlinked friend); the table starts again at its first page.</summary>
    private void Select(MatchReason? reason)
    {
        _table = null; // re-created by its @key
        _reason = reason;
    }

    private string Name(UnlinkedMember member) =>
        member.RegisteredName ?? (string.IsNullOrEmpty(member.DisplayName) ? L["Member.NoName"] : member.DisplayName);
}
