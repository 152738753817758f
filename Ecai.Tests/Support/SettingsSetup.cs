using Ecai.Domain.Forms;
using Ecai.Domain.Line;

namespace Ecai.Tests.Support;

/// <summary>Sets a bot up as the LINE設定 page would: each save sends the bot's version read just before it.</summary>
public static class SettingsSetup
{
    public static async Task<IReadOnlyDictionary<string, string>> SetUpAsync(this LineChannels channels, int botId, LineChannelSettings settings)
    {
        var version = (await channels.ViewAsync(botId, CancellationToken.None))?.Version ?? 0;
        return (await channels.SaveAsync(botId, settings, version, CancellationToken.None)).Errors;
    }

    public static async Task<IReadOnlyDictionary<string, string>> SetUpAsync(this IdentityForms forms, int botId, IdentityFormSettings settings)
    {
        var version = (await forms.SettingsAsync(botId, CancellationToken.None)).Version;
        return (await forms.SaveSettingsAsync(botId, settings, version, CancellationToken.None)).Errors;
    }
}
