using Ecai.Domain.Forms;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Settings;

/// <summary>
/// Edits the bot's identity form: its tags (typed as names separated by commas; new names become tags) and done-page text.
/// Saves with the bot's <see cref="Version"/> the page holds; refused when the bot changed meanwhile (the page reloads).
/// </summary>
public sealed partial class IdentityFormSettingsCard : ComponentBase
{
    private string? _tags, _message;
    private bool _saving, _stale, _loaded;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();

    [Parameter, EditorRequired] public int BotId { get; set; }
    [Parameter] public string? LiffId { get; set; }
    /// <summary>The bot's version as the page read it (shared with LINE設定, which edits the same bot).</summary>
    [Parameter] public int Version { get; set; }
    [Parameter] public EventCallback<int> VersionChanged { get; set; }
    /// <summary>The save was refused because the bot changed since the page read it: the page shows everything afresh.</summary>
    [Parameter] public EventCallback OnStale { get; set; }
    [Inject] private IdentityForms Forms { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private Microsoft.Extensions.Options.IOptions<Ecai.Web.Demo.DemoOptions> DemoMode { get; set; } = default!;

    private string BaseUri => Navigation.BaseUri.TrimEnd('/');

    protected override Task OnInitializedAsync() => ReloadAsync();

    /// <summary>Shows the settings as they are now (the page holds the version, read before these).</summary>
    public async Task ReloadAsync()
    {
        var settings = await Forms.SettingsAsync(BotId, CancellationToken.None);
        (_tags, _message) = (string.Join("、", settings.TagNames), settings.DoneMessage);
        _loaded = true; // what was typed before this would have been replaced: the save waits for it
        StateHasChanged();
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var names = (_tags ?? "").Split([',', '、', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var result = await Forms.SaveSettingsAsync(BotId, new IdentityFormSettings(names, _message ?? ""), Version, CancellationToken.None);
            _errors = result.Errors;
            _stale = result.IsStale;
            if (result.IsStale)
            {
                await OnStale.InvokeAsync();
                return;
            }
            if (!result.Succeeded) return;
            await VersionChanged.InvokeAsync(result.Version);
            Snackbar.Add(L["IdentityForm.Saved"], Severity.Success);
        }
        finally { _saving = false; }
    }
}
