using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Ecai.Web.Components.Pages.Members;

/// <summary>会員詳細: profile, phone and e-mail (saved and linked at once), linked cart customers, purchases under all of them.</summary>
public sealed partial class MemberDetailPage : BotPage
{
    private MemberDetail? _detail;
    private string? _phone, _email, _outcome;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private bool _saving;

    [Parameter] public long MemberId { get; set; }
    [Inject] private MemberDetails Details { get; set; } = default!;
    [Inject] private MemberContacts Contacts { get; set; } = default!;

    protected override async Task LoadAsync(int botId, CancellationToken ct)
    {
        _detail = await Details.GetAsync(botId, MemberId, ct);
        if (_detail is { } d && !_saving) (_phone, _email) = (d.Member.PhoneRaw, d.Member.EmailRaw);
    }

    private string KeyName(LinkKey key) => key switch
    {
        LinkKey.Email => L["Integrations.KeyEmail"],
        LinkKey.LineUserId => "LINE ID",
        _ => L["Integrations.KeyPhone"],
    };

    private async Task SaveAsync()
    {
        if (Bot is null) return;
        _saving = true;
        try
        {
            var result = await Contacts.SetAsync(Bot.Id, MemberId, _phone, _email, Aborted);
            _errors = result.Errors;
            if (!result.Succeeded) return;
            _outcome = result.LinkedCustomers > 0 ? L["Member.LinkedNow", result.LinkedCustomers] : L["Member.NoMatch"];
            await LoadAsync(Bot.Id, Aborted);
        }
        finally { _saving = false; }
    }
}
