using System.Globalization;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Follow;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ecai.Web.Components.Pages.FollowMessages;

/// <summary>
/// 引上フォローメッセージの作成・編集: cart and trigger product (the cart's products), optional Nth delivery, target, and the
/// scenarios ("N日後 HH:MM", content, actions), with the warning for times before 「1日後の06:00」. The draft keeps the message's
/// version it loaded: when the message changed meanwhile (another operator, the list's switch or order, 連携解除), saving is
/// refused with a message and the editor shows the fresh message.
/// </summary>
public sealed partial class FollowMessageEditPage : BotPage
{
    private FollowDraft _draft = new();
    private List<ScenarioRow> _scenarios = [];
    private IReadOnlyList<FollowConnection> _connections = [];
    private IReadOnlyList<ProductOption> _products = [];
    private IReadOnlyList<TagOption> _tags = [];
    private IReadOnlyList<string> _errors = [];
    private List<BreadcrumbItem> _crumbs = [];
    private bool _missing, _saving, _stale;

    [Parameter] public int? Id { get; set; }
    [Inject] private Ecai.Domain.Messaging.Follow.FollowMessages Follow { get; set; } = default!;
    [Inject] private MemberSearch Search { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task LoadAsync(int botId, CancellationToken ct)
    {
        // A live reload must not throw away what the operator is typing: the draft is loaded once.
        if (_crumbs.Count > 0) return;
        _crumbs = [new(L["Nav.FollowMessages"], "/follow-messages"), new(Id is null ? L["Follow.New"] : L["Follow.Edit"], null, disabled: true)];
        _connections = await Follow.ConnectionsAsync(botId, ct);
        _tags = await Search.TagsAsync(botId, ct);
        if (Id is { } id)
        {
            if (await Follow.GetAsync(botId, id, ct) is not { } draft) { _missing = true; return; }
            _draft = draft;
        }
        else _draft = new FollowDraft { ConnectionId = _connections.FirstOrDefault()?.Id };
        await ShowAsync(botId, _draft, ct);
    }

    /// <summary>Puts a draft (loaded, or the fresh one after a refused save) into the editor.</summary>
    private async Task ShowAsync(int botId, FollowDraft draft, CancellationToken ct)
    {
        _draft = draft;
        _scenarios = _draft.Scenarios.Select(s => new ScenarioRow(s)).ToList();
        _products = _draft.ConnectionId is { } connection ? await Follow.ProductsAsync(botId, connection, ct) : [];
    }

    private async Task ConnectionChangedAsync(int? connectionId)
    {
        if (Bot is null) return;
        _draft.ConnectionId = connectionId;
        _draft.ProductCode = null;
        _products = connectionId is { } id ? await Follow.ProductsAsync(Bot.Id, id, Aborted) : [];
    }

    private void AddScenario()
    {
        var last = _scenarios.LastOrDefault()?.Draft;
        _scenarios.Add(new ScenarioRow(new FollowScenarioDraft { DaysAfter = (last?.DaysAfter ?? 0) + 1, AtTime = last?.AtTime ?? new TimeOnly(10, 0) }));
    }

    private static void SetTime(ScenarioRow row, string? text)
    {
        row.Time = text ?? "";
        if (TimeOnly.TryParseExact(row.Time.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            row.Draft.AtTime = time;
            row.TimeValid = true;
        }
        else row.TimeValid = false;
    }

    private async Task SaveAsync()
    {
        if (Bot is null) return;
        if (_scenarios.Any(s => !s.TimeValid))
        {
            _errors = [L["Follow.TimeInvalid"]];
            return;
        }
        _saving = true;
        try
        {
            _draft.Scenarios = _scenarios.Select(s => s.Draft).ToList();
            var result = await Follow.SaveAsync(Bot.Id, _draft, Aborted);
            _errors = result.Errors;
            _stale = result.IsStale;
            if (result.Fresh is { } fresh)
            {
                await ShowAsync(Bot.Id, fresh, Aborted);
                return;
            }
            if (!result.Succeeded) return;
            Snackbar.Add(L["Follow.Saved"], Severity.Success);
            Navigation.NavigateTo("/follow-messages");
        }
        finally { _saving = false; }
    }

    /// <summary>A scenario in the editor: its draft plus the time and text as typed.</summary>
    private sealed class ScenarioRow(FollowScenarioDraft draft)
    {
        public FollowScenarioDraft Draft { get; } = draft;
        public string Time { get; set; } = draft.AtTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        public bool TimeValid { get; set; } = true;
    }
}
