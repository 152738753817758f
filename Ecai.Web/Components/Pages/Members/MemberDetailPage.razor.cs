using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Domain.Realtime;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Ecai.Web.Components.Pages.Members;

/// <summary>
/// 会員詳細: profile, 氏名 / phone / e-mail / birthday (saved and linked at once), tags, linked cart customers,
/// purchases under all of them. Redraws live when the member or the bot's links change; what the operator is
/// typing is kept.
/// </summary>
public sealed partial class MemberDetailPage : BotPage
{
    private MemberDetail? _detail;
    private string? _name, _phone, _email, _birthday, _outcome;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private bool _saving, _fieldsLoaded;
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
        if (_detail is not { Member: var m } || _fieldsLoaded) return; // live reloads never overwrite what the operator is typing
        (_name, _phone, _email, _birthday) = (m.RegisteredName, m.PhoneRaw, m.EmailRaw, m.Birthday?.ToString("yyyy-MM-dd"));
        _fieldsLoaded = true;
    }

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
            var result = await Contacts.SetAsync(Bot.Id, MemberId, new ProfileInput(_name, _phone, _email, Fmt.DateInput(_birthday)), Aborted);
            _errors = result.Errors;
            if (!result.Succeeded) return;
            _outcome = result.LinkedCustomers > 0 ? L["Member.LinkedNow", result.LinkedCustomers] : L["Member.NoMatch"];
            _fieldsLoaded = false; // show what was saved (a linked cart may have filled in the birthday)
            await LoadAsync(Bot.Id, Aborted);
        }
        finally { _saving = false; }
    }
}
