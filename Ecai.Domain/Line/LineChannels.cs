using System.Text.Json;
using Ecai.Domain.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Line;

/// <summary>A bot's LINE channel settings as the settings page edits them. Blank secrets keep the stored ones.</summary>
public sealed record LineChannelSettings(string? ChannelId, string? ChannelSecret, string? AccessToken, string? LiffId);

/// <summary>What the settings page shows of a bot's channel: never the secrets, only whether they are stored.</summary>
public sealed record LineChannelView(string? ChannelId, string? LiffId, bool SecretsStored);

/// <summary>Stores each bot's LINE Messaging API channel; the secret and token are encrypted and never shown back.</summary>
public sealed class LineChannels(IDbContextFactory<EcaiDb> dbs, IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Ecai.Line.Secrets.v1");

    private sealed record Secrets(string ChannelSecret, string AccessToken);

    /// <summary>Saves the settings; errors are Japanese and keyed by the settings' property names. Nothing is saved on errors.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(int botId, LineChannelSettings settings, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var channelId = settings.ChannelId?.Trim();
        if (string.IsNullOrEmpty(channelId)) errors[nameof(settings.ChannelId)] = "チャネルIDを入力してください。";
        else if (!channelId.All(char.IsAsciiDigit)) errors[nameof(settings.ChannelId)] = "チャネルIDは数字で入力してください。";
        var secret = settings.ChannelSecret?.Trim();
        if (!string.IsNullOrEmpty(secret) && (secret.Length != 32 || !secret.All(char.IsAsciiHexDigit)))
            errors[nameof(settings.ChannelSecret)] = "チャネルシークレットは32文字の英数字です。";

        await using var db = await dbs.CreateDbContextAsync(ct);
        var bot = await db.Bots.FirstOrDefaultAsync(b => b.Id == botId, ct);
        if (bot is null) return new Dictionary<string, string> { [""] = "BOTが見つかりません。" };
        var stored = Read(bot.ProtectedLineSecrets);
        if (string.IsNullOrEmpty(secret) && stored is null) errors[nameof(settings.ChannelSecret)] = "チャネルシークレットを入力してください。";
        var token = settings.AccessToken?.Trim();
        if (string.IsNullOrEmpty(token) && stored is null) errors[nameof(settings.AccessToken)] = "チャネルアクセストークンを入力してください。";
        if (errors.Count > 0) return errors;

        bot.LineChannelId = channelId;
        bot.LiffId = string.IsNullOrWhiteSpace(settings.LiffId) ? null : settings.LiffId.Trim();
        bot.ProtectedLineSecrets = _protector.Protect(JsonSerializer.Serialize(new Secrets(
            string.IsNullOrEmpty(secret) ? stored!.ChannelSecret : secret,
            string.IsNullOrEmpty(token) ? stored!.AccessToken : token)));
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public async Task<LineChannelView?> ViewAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Bots.Where(b => b.Id == botId)
            .Select(b => new LineChannelView(b.LineChannelId, b.LiffId, b.ProtectedLineSecrets != null)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The channel secret that signs the bot's webhooks, or null when the channel is not set up.</summary>
    public async Task<string?> ChannelSecretAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var protectedText = await db.Bots.Where(b => b.Id == botId).Select(b => b.ProtectedLineSecrets).FirstOrDefaultAsync(ct);
        return Read(protectedText)?.ChannelSecret;
    }

    private Secrets? Read(string? protectedText) =>
        protectedText is null ? null : JsonSerializer.Deserialize<Secrets>(_protector.Unprotect(protectedText));
}
