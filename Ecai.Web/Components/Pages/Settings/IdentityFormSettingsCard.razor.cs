using Ecai.Domain.Forms;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Settings;

/// <summary>Edits the bot's identity form: its tags (typed as names separated by commas; new names become tags) and done-page text.</summary>
public sealed partial class IdentityFormSettingsCard : ComponentBase
{
    private string? _tags, _message;
    private bool _saving;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();

    [Parameter, EditorRequired] public int BotId { get; set; }
    [Parameter] public string? LiffId { get; set; }
    [Inject] private IdentityForms Forms { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private Microsoft.Extensions.Options.IOptions<Ecai.Web.Demo.DemoOptions> DemoMode { get; set; } = default!;

    private string BaseUri => Navigation.BaseUri.TrimEnd('/');

    protected override async Task OnInitializedAsync()
    {
        var settings = await Forms.SettingsAsync(BotId, CancellationToken.None);
        (_tags, _message) = (string.Join("、", settings.TagNames), settings.DoneMessage);
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var names = (_tags ?? "").Split([',', '、', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            _errors = await Forms.SaveSettingsAsync(BotId, new IdentityFormSettings(names, _message ?? ""), CancellationToken.None);
            if (_errors.Count == 0) Snackbar.Add(L["IdentityForm.Saved"], Severity.Success);
        }
        finally { _saving = false; }
    }
}
