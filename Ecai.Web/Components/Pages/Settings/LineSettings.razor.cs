using Ecai.Domain.Line;
using Ecai.Domain.Realtime;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Settings;

/// <summary>
/// LINE設定: the bot's channel id, secret and access token (stored encrypted, never shown), LIFF id, and the webhook URL to
/// register; below it the identity form's settings. Both forms edit the bot and share the bot's version the page read: each
/// one's own save moves it on; a save refused because the bot changed meanwhile (another operator) reloads both with a message.
/// </summary>
public sealed partial class LineSettings : BotPage
{
    private string? _channelId, _secret, _token, _liffId, _loginChannelId;
    private bool _secretsStored, _saving, _stale;
    private int _version;
    private IdentityFormSettingsCard? _identityCard;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();

    [Inject] private LineChannels Channels { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private string WebhookUrl => $"{Navigation.BaseUri.TrimEnd('/')}/line/webhook/{Bot?.Id}";

    private string SecretHelp => _secretsStored ? L["LineSettings.SecretKept"] : L["LineSettings.SecretHelp"];

    protected override async Task LoadAsync(int botId, CancellationToken ct)
    {
        var view = await Channels.ViewAsync(botId, ct);
        (_channelId, _liffId, _secretsStored, _loginChannelId) = (view?.ChannelId, view?.LiffId, view?.SecretsStored ?? false, view?.LoginChannelId);
        _version = view?.Version ?? 0;
    }

    /// <summary>
    /// Two forms and nothing live: the bot's events (deliveries, friends) never reload them, so what the operator types stays
    /// and the version stays the one the fields were read with. A change made elsewhere is caught when saving.
    /// </summary>
    protected override Task OnLiveEventAsync(LiveEvent e) => Task.CompletedTask;

    /// <summary>After a refused save: both forms show the bot as it is now (the version read before the identity form's values).</summary>
    private async Task ReloadAllAsync()
    {
        if (Bot is null) return;
        (_secret, _token) = (null, null);
        await LoadAsync(Bot.Id, Aborted);
        if (_identityCard is not null) await _identityCard.ReloadAsync();
    }

    private async Task SaveAsync()
    {
        if (Bot is null) return;
        _saving = true;
        try
        {
            var result = await Channels.SaveAsync(Bot.Id, new LineChannelSettings(_channelId, _secret, _token, _liffId, _loginChannelId), _version, Aborted);
            _errors = result.Errors;
            _stale = result.IsStale;
            if (result.IsStale)
            {
                await ReloadAllAsync();
                return;
            }
            if (!result.Succeeded) return;
            _version = result.Version;
            (_secret, _token, _secretsStored) = (null, null, true); // never kept in the circuit
            Snackbar.Add(L["LineSettings.Saved"], Severity.Success);
        }
        finally { _saving = false; }
    }
}
