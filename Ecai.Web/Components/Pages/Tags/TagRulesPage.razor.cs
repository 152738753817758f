using Ecai.Domain.Carts;
using Ecai.Domain.Members;
using Ecai.Domain.Tags;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Tags;

/// <summary>
/// タグの自動設定: add or edit a rule in one form (it applies at once and says how many members it tagged), switch rules on and
/// off, delete them. An edit keeps the rule's version it loaded, so a change made meanwhile elsewhere is never overwritten: the
/// save is refused with a message and the form shows the fresh rule.
/// </summary>
public sealed partial class TagRulesPage : BotPage
{
    private IReadOnlyList<TagRuleView> _rules = [];
    private IReadOnlyList<TagOption> _tags = [];
    private IReadOnlyList<ProductOption> _products = [];
    private IReadOnlyList<ConnectionView> _connections = [];
    private IReadOnlyList<string> _errors = [];
    private int? _tagId, _connectionId, _editingId;
    private int _editingVersion;
    private string? _result;
    private TagRuleKind _kind = TagRuleKind.PurchaseCount;
    private TagRuleAction _action = TagRuleAction.Add;
    private Comparison _comparison = Comparison.GreaterThan;
    private long? _number = 0;
    private string? _text, _from, _to;
    private ContinuationStatus? _status;
    private bool _saving, _stale;

    [Inject] private TagRules Rules { get; set; } = default!;
    [Inject] private MemberSearch Search { get; set; } = default!;
    [Inject] private CartConnections Connections { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task LoadAsync(int botId, CancellationToken ct)
    {
        _rules = await Rules.ListAsync(botId, ct);
        _tags = await Search.TagsAsync(botId, ct);
        _products = await Search.ProductsAsync(botId, ct);
        _connections = await Connections.ListAsync(botId, ct);
    }

    private string KindName(TagRuleKind kind) => kind switch
    {
        TagRuleKind.PurchaseCount => L["TagRules.KindPurchaseCount"],
        TagRuleKind.Product => L["TagRules.KindProduct"],
        TagRuleKind.Course => L["TagRules.KindCourse"],
        TagRuleKind.ContinuationStatus => L["TagRules.KindStatus"],
        TagRuleKind.CartLinked => L["TagRules.KindCartLinked"],
        TagRuleKind.BirthdayRange => L["TagRules.KindBirthday"],
        _ => L["TagRules.KindBirthMonth"],
    };

    /// <summary>Fills the form with a listed rule; saving then changes that rule.</summary>
    private void Edit(TagRule rule)
    {
        _editingId = rule.Id;
        _editingVersion = rule.Version;
        _stale = false;
        _tagId = rule.TagId;
        _kind = rule.Kind;
        _action = rule.Action;
        _comparison = rule.Comparison ?? Comparison.GreaterThan;
        _number = rule.Number ?? 0;
        _text = rule.Text;
        _status = rule.Status;
        _connectionId = rule.ConnectionId;
        _from = MonthDay(rule.FromMonthDay);
        _to = MonthDay(rule.ToMonthDay);
        _errors = [];
        _result = null;
    }

    private static string? MonthDay(int? mmdd) => mmdd is { } v ? $"{v / 100:00}/{v % 100:00}" : null;

    private void ResetForm()
    {
        _editingId = _tagId = _connectionId = null;
        _editingVersion = 0;
        _kind = TagRuleKind.PurchaseCount;
        _action = TagRuleAction.Add;
        _comparison = Comparison.GreaterThan;
        _number = 0;
        _text = _from = _to = null;
        _status = null;
        _errors = [];
        _stale = false;
    }

    private async Task SaveAsync()
    {
        if (Bot is null) return;
        _saving = true;
        _result = null;
        _stale = false;
        try
        {
            var rule = new TagRule
            {
                Id = _editingId ?? 0, Version = _editingVersion, BotId = Bot.Id, TagId = _tagId ?? 0, Kind = _kind, Action = _action, Comparison = _comparison, Number = _number, Text = _text,
                Status = _status, ConnectionId = _kind == TagRuleKind.CartLinked ? _connectionId : null,
                FromMonthDay = MemberFilter.ParseMonthDay(_from), ToMonthDay = MemberFilter.ParseMonthDay(_to),
            };
            var saved = await Rules.SaveAsync(rule, Aborted);
            if (saved.Fresh is { } fresh)
            {
                Edit(fresh);
                _stale = true;
                await LoadAsync(Bot.Id, Aborted);
                return;
            }
            _errors = saved.Errors;
            if (!saved.Saved) return;
            _result = _action == TagRuleAction.Remove ? L["TagRules.Untagged", saved.Changed.ToString("N0")] : L["TagRules.Tagged", saved.Changed.ToString("N0")];
            Snackbar.Add(L["TagRules.Saved"], Severity.Success);
            ResetForm();
            await LoadAsync(Bot.Id, Aborted);
        }
        finally { _saving = false; }
    }

    private async Task SetEnabledAsync(int ruleId, bool on)
    {
        if (Bot is null) return;
        await Rules.SetEnabledAsync(Bot.Id, ruleId, on, Aborted);
        await LoadAsync(Bot.Id, Aborted);
    }

    private async Task DeleteAsync(TagRuleView rule)
    {
        if (Bot is null) return;
        if (await Dialogs.ShowMessageBoxAsync(L["TagRules.Delete"], L["TagRules.DeleteConfirm", rule.Description],
                yesText: L["TagRules.Delete"], cancelText: L["Common.Cancel"]) != true) return;
        await Rules.DeleteAsync(Bot.Id, rule.Rule.Id, Aborted);
        await LoadAsync(Bot.Id, Aborted);
    }
}
