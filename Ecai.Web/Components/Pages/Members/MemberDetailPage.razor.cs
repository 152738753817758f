using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Domain.Realtime;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Ecai.Web.Components.Pages.Members;

/// <summary>
/// 会員詳細: profile, 氏名 / phone / e-mail / birthday (saved and linked at once), tags, linked cart customers,
/// purchases under all of them. Redraws live when the member or the bot's links change: fields the operator has
/// not touched take the new values, touched ones are kept. Saving sends the member's version the form shows, so a
/// change made meanwhile (a LIFF submission, another operator) is never overwritten: the save is refused and the
/// fresh values are shown. A stored phone is removed only when 「電話番号を削除する」 is ticked.
/// </summary>
public sealed partial class MemberDetailPage : BotPage
{
    private MemberDetail? _detail;
    private string? _name, _phone, _email, _birthday, _outcome;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private bool _saving, _fieldsLoaded, _stale, _removePhone;
    /// <summary>The values and version the form's fields are based on (what "untouched" is compared with).</summary>
    private (string? Name, string? Phone, string? Email, string? Birthday) _base;
    private int _version;
    private int? _tagToAdd;
    private IReadOnlyList<TagOption> _allTags = [];

    [Parameter] public long MemberId { get; set; }
    [Inject] private MemberDetails Details { get; set; } = default!;
    [Inject] private MemberContacts Contacts { get; set; } = default!;
    [Inject] private MemberSearch Search { get; set; } = default!;
    [Inject] private Ecai.Domain.Tags.MemberTagging Tagging { get; set; } = default!;

    protected override async Task LoadAsync(int botId, CancellationToken ct)
    {
        _detail = await Details.GetAsync(botId, MemberId, ct);
        _allTags = await Search.TagsAsync(botId, ct);
        if (_detail is not { Member: var m }) return;
        if (_fieldsLoaded) MergeFresh(m);
        else ShowFresh(m);
    }

    /// <summary>Puts the member's current values into every field.</summary>
    private void ShowFresh(Member m)
    {
        _base = Values(m);
        (_name, _phone, _email, _birthday) = _base;
        _version = m.Version;
        _removePhone = false;
        _fieldsLoaded = true;
    }

    /// <summary>
    /// A live reload: untouched fields take the fresh values; touched ones are kept. The form moves on to the fresh
    /// version only when no touched field was changed meanwhile (otherwise saving is refused as stale).
    /// </summary>
    private void MergeFresh(Member m)
    {
        if (m.Version == _version) return;
        var fresh = Values(m);
        var conflict = false;
        _name = Merge(_name, _base.Name, fresh.Name, ref conflict);
        _phone = Merge(_phone, _base.Phone, fresh.Phone, ref conflict);
        _email = Merge(_email, _base.Email, fresh.Email, ref conflict);
        _birthday = Merge(_birthday, _base.Birthday, fresh.Birthday, ref conflict);
        if (conflict) return;
        _base = fresh;
        _version = m.Version;
    }

    private static string? Merge(string? current, string? based, string? fresh, ref bool conflict)
    {
        if (Same(current, based)) return fresh;
        if (!Same(based, fresh)) conflict = true;
        return current;
    }

    private static bool Same(string? a, string? b) => string.Equals(a ?? "", b ?? "", StringComparison.Ordinal);

    private static (string? Name, string? Phone, string? Email, string? Birthday) Values(Member m) =>
        (m.RegisteredName, m.PhoneRaw, m.EmailRaw, m.Birthday?.ToString("yyyy-MM-dd"));

    /// <summary>The phone field was emptied while the member has a phone: removing it needs the tick.</summary>
    private bool PhoneBeingRemoved => string.IsNullOrWhiteSpace(_phone) && !string.IsNullOrWhiteSpace(_base.Phone);

    protected override Task OnLiveEventAsync(LiveEvent e)
    {
        if (e is MemberChanged { MemberId: var id } && id == MemberId || e is DashboardChanged) RequestReload();
        return Task.CompletedTask;
    }

    private string KeyName(LinkKey key) => key switch
    {
        LinkKey.Email => L["Integrations.KeyEmail"],
        LinkKey.LineUserId => "LINE ID",
        _ => L["Integrations.KeyPhone"],
    };

    private string StatusName(Ecai.Domain.Carts.ContinuationStatus? status) => status switch
    {
        Ecai.Domain.Carts.ContinuationStatus.Active => L["Status.Active"],
        Ecai.Domain.Carts.ContinuationStatus.Paused => L["Status.Paused"],
        Ecai.Domain.Carts.ContinuationStatus.Cancelled => L["Status.Cancelled"],
        _ => "-",
    };

    private async Task SetTagAsync(int tagId, bool add)
    {
        if (Bot is null) return;
        await Tagging.SetAsync(Bot.Id, MemberId, tagId, add, Aborted);
        _tagToAdd = null;
        _detail = await Details.GetAsync(Bot.Id, MemberId, Aborted);
    }

    private async Task SaveAsync()
    {
        if (Bot is null) return;
        _saving = true;
        try
        {
            var input = new ProfileInput(_name, _phone, _email, Fmt.DateInput(_birthday));
            var result = await Contacts.SetAsync(Bot.Id, MemberId, input, _version, _removePhone && PhoneBeingRemoved, Aborted);
            _errors = result.Errors;
            _stale = result.IsStale;
            _outcome = null;
            if (result.Fresh is { } fresh)
            {
                ShowFresh(fresh);
                _detail = await Details.GetAsync(Bot.Id, MemberId, Aborted);
                return;
            }
            if (!result.Succeeded) return;
            _outcome = result.LinkedCustomers > 0 ? L["Member.LinkedNow", result.LinkedCustomers] : L["Member.NoMatch"];
            _fieldsLoaded = false; // show what was saved (a linked cart may have filled in the birthday)
            await LoadAsync(Bot.Id, Aborted);
        }
        finally { _saving = false; }
    }
}
