using Ecai.Domain.Forms;
using Ecai.Domain.Line;
using Ecai.Domain.Members;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Ecai.Web.Components.Liff;

/// <summary>
/// 本人確認フォーム (LIFF, phone-sized): name, phone, e-mail, birthday. On submit the member is saved, linked
/// within the same request and tagged with the form's tags; the "本人情報の確認中" page says whether linking
/// succeeded and lets the member correct what they entered.
/// </summary>
public sealed partial class IdentityFormPage : LiffPage
{
    private IdentityFormView? _view;
    private ContactResult? _done;
    private string? _name, _phone, _email, _birthday, _problem;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private bool _submitting;

    [Inject] private IdentityForms Forms { get; set; } = default!;
    [Inject] private LiffRateLimits Limits { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    private string Lead => string.IsNullOrEmpty(_view?.DisplayName)
        ? L["Liff.IdentityLeadNoName"] : L["Liff.IdentityLead", _view.DisplayName];

    protected override async Task<bool> OnIdentifiedAsync(LineIdentity identity)
    {
        _view = await Forms.LoadAsync(BotId, identity.UserId, Aborted);
        if (_view is null) return false;
        var entered = _view.Entered;
        (_name, _phone, _email, _birthday) = (entered.Name, entered.Phone, entered.Email, entered.Birthday?.ToString("yyyy-MM-dd"));
        return true;
    }

    /// <summary>
    /// Every message of an invalid submission is shown at once (under its field and in one list by the button); an
    /// invalid submission is not counted toward the friend's limit, only one that is sent to be saved.
    /// </summary>
    private async Task SubmitAsync()
    {
        if (_view is null || _submitting) return;
        _submitting = true;
        _problem = null;
        try
        {
            var birthday = Fmt.DateInput(_birthday);
            var input = new ProfileInput(_name, _phone, _email, birthday);
            var errors = new Dictionary<string, string>(Forms.Check(input));
            if (!string.IsNullOrWhiteSpace(_birthday) && birthday is null) errors["Birthday"] = L["Liff.BirthdayInvalid"];
            _errors = errors;
            if (errors.Count > 0) return;
            if (!Limits.TryAcquire(BotId, _view.MemberId, ClientAddress))
            {
                _problem = L["Liff.TooMany"];
                return;
            }
            var result = await Forms.SubmitAsync(BotId, _view.MemberId, input, Aborted);
            _errors = result.Errors;
            if (result.Succeeded) _done = result;
            else if (result.Errors.GetValueOrDefault("") is { } general) _problem = general;
        }
        finally { _submitting = false; }
    }

    /// <summary>The field messages in the form's order, for the list by the button.</summary>
    private IEnumerable<string> ErrorList =>
        FieldOrder.Where(_errors.ContainsKey).Select(k => _errors[k]).Concat(_errors.Where(e => !FieldOrder.Contains(e.Key) && e.Key.Length > 0).Select(e => e.Value));

    private static readonly string[] FieldOrder = ["Name", "Phone", "Email", "Birthday"];

    /// <summary>A message cut into text and number runs (090-1234-5678), so a narrow screen never breaks a number at its hyphen.</summary>
    private static IEnumerable<(string Text, bool Number)> Runs(string message) =>
        NumberRun().Split(message).Select((text, i) => (text, i % 2 == 1)).Where(r => r.text.Length > 0);

    [System.Text.RegularExpressions.GeneratedRegex(@"([0-9][0-9\-]*[0-9])")]
    private static partial System.Text.RegularExpressions.Regex NumberRun();

    /// <summary>The done page's heading: linked says so; not linked yet shows the shop's "確認中" text.</summary>
    private string DoneMessage => _done is { LinkedCustomers: > 0 } ? L["Liff.DoneLinked"] : _view!.DoneMessage;

    private void Edit() => _done = null;

    private async Task CloseAsync() => await Js.InvokeVoidAsync("ecaiLiff.close");
}
