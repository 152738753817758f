using Ecai.Domain.Line;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Settings;

/// <summary>LINE設定: the bot's channel id, secret and access token (stored encrypted, never shown), LIFF id, and the webhook URL to register.</summary>
public sealed partial class LineSettings : BotPage
{
    private string? _channelId, _secret, _token, _liffId, _loginChannelId;
    private bool _secretsStored, _saving;
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
    }

    private async Task SaveAsync()
    {
        if (Bot is null) return;
        _saving = true;
        try
        {
            _errors = await Channels.SaveAsync(Bot.Id, new LineChannelSettings(_channelId, _secret, _token, _liffId, _loginChannelId), Aborted);
            if (_errors.Count > 0) return;
            (_secret, _token, _secretsStored) = (null, null, true); // never kept in the circuit
            Snackbar.Add(L["LineSettings.Saved"], Severity.Success);
        }
        finally { _saving = false; }
    }
}
