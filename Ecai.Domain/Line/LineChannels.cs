using System.Text.Json;
using Ecai.Domain.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Line;

/// <summary>A bot's LINE channel settings as the settings page edits them. Blank secrets keep the stored ones.</summary>
public sealed record LineChannelSettings(string? ChannelId, string? ChannelSecret, string? AccessToken, string? LiffId, string? LoginChannelId = null);

/// <summary>
/// What the settings page shows of a bot's channel: never the secrets, only whether they are stored; with the bot's
/// <see cref="Bots.Bot.Version"/> read first (the page hands it back when saving).
/// </summary>
public sealed record LineChannelView(string? ChannelId, string? LiffId, bool SecretsStored, string? LoginChannelId = null, int Version = 0);

/// <summary>
/// What saving the channel settings did: Japanese errors keyed by the settings' property names (nothing saved), or stale
/// (<see cref="Fresh"/>: the bot's settings changed since the page read them; nothing saved). <see cref="Version"/> is the
/// bot's version after a save.
/// </summary>
public sealed record LineChannelSaveResult(IReadOnlyDictionary<string, string> Errors, int Version)
{
    /// <summary>The channel as it is now, when the save was refused because the bot's settings changed since the page read them.</summary>
    public LineChannelView? Fresh { get; init; }
    public bool IsStale => Fresh is not null;
    public bool Succeeded => Errors.Count == 0 && !IsStale;
}

/// <summary>What a LIFF page needs: the LIFF app to start and the LINE Login channel its ID tokens are issued for.</summary>
public sealed record LiffApp(string LiffId, string LoginChannelId);

/// <summary>Stores each bot's LINE Messaging API channel; the secret and token are encrypted and never shown back.</summary>
public sealed class LineChannels(IDbContextFactory<EcaiDb> dbs, IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Ecai.Line.Secrets.v1");

    private sealed record Secrets(string ChannelSecret, string AccessToken);

    /// <summary>
    /// Saves the settings; errors are Japanese and keyed by the settings' property names. Nothing is saved on errors.
    /// <paramref name="loadedVersion"/> is the <see cref="LineChannelView.Version"/> the page read: when the bot's settings
    /// changed since (another operator), nothing is saved and the result carries the fresh channel.
    /// </summary>
    public async Task<LineChannelSaveResult> SaveAsync(int botId, LineChannelSettings settings, int loadedVersion, CancellationToken ct)
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
        if (bot is null) return new LineChannelSaveResult(new Dictionary<string, string> { [""] = "BOTが見つかりません。" }, 0);
        if (bot.Version != loadedVersion) return await StaleAsync(botId, ct);
        var stored = Read(bot.ProtectedLineSecrets);
        if (string.IsNullOrEmpty(secret) && stored is null) errors[nameof(settings.ChannelSecret)] = "チャネルシークレットを入力してください。";
        var liffId = string.IsNullOrWhiteSpace(settings.LiffId) ? null : settings.LiffId.Trim();
        if (liffId is not null && !IsLiffId(liffId))
            errors[nameof(settings.LiffId)] = "LIFF IDの形式が正しくありません(例: 1650000000-AbCdEfGh)。";
        // A LIFF id starts with the id of the LINE Login channel that owns it; that channel is the ID tokens' audience.
        var loginChannelId = string.IsNullOrWhiteSpace(settings.LoginChannelId) ? liffId?.Split('-')[0] : settings.LoginChannelId.Trim();
        if (loginChannelId is not null && !loginChannelId.All(char.IsAsciiDigit))
            errors[nameof(settings.LoginChannelId)] = "LINEログインチャネルIDは数字で入力してください。";
        else if (liffId is not null && IsLiffId(liffId) && loginChannelId != liffId.Split('-')[0])
            errors[nameof(settings.LoginChannelId)] = "LIFF IDの先頭の数字(LIFFアプリを持つLINEログインチャネルのID)と一致しません。";
        var token = settings.AccessToken?.Trim();
        if (string.IsNullOrEmpty(token) && stored is null) errors[nameof(settings.AccessToken)] = "チャネルアクセストークンを入力してください。";
        if (errors.Count > 0) return new LineChannelSaveResult(errors, bot.Version);

        bot.LineChannelId = channelId;
        bot.LiffId = liffId;
        bot.LineLoginChannelId = loginChannelId;
        bot.ProtectedLineSecrets = _protector.Protect(JsonSerializer.Serialize(new Secrets(
            string.IsNullOrEmpty(secret) ? stored!.ChannelSecret : secret,
            string.IsNullOrEmpty(token) ? stored!.AccessToken : token)));
        db.ExpectVersion(bot, loadedVersion);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return await StaleAsync(botId, ct); } // changed after the read above
        return new LineChannelSaveResult(errors, bot.Version);
    }

    private async Task<LineChannelSaveResult> StaleAsync(int botId, CancellationToken ct) =>
        await ViewAsync(botId, ct) is { } fresh ? new LineChannelSaveResult(new Dictionary<string, string>(), fresh.Version) { Fresh = fresh }
            : new LineChannelSaveResult(new Dictionary<string, string> { [""] = "BOTが見つかりません。" }, 0);

    public async Task<LineChannelView?> ViewAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Bots.Where(b => b.Id == botId)
            .Select(b => new LineChannelView(b.LineChannelId, b.LiffId, b.ProtectedLineSecrets != null, b.LineLoginChannelId, b.Version)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The bot's LIFF app, or null when no LIFF id is set (LIFF pages then say the form is not set up).</summary>
    public async Task<LiffApp?> LiffAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var bot = await db.Bots.Where(b => b.Id == botId).Select(b => new { b.LiffId, b.LineLoginChannelId }).FirstOrDefaultAsync(ct);
        return bot is { LiffId: { } liff, LineLoginChannelId: { } login } ? new LiffApp(liff, login) : null;
    }

    /// <summary>The channel access token for the Messaging API, or null when the channel is not set up.</summary>
    public async Task<string?> AccessTokenAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var protectedText = await db.Bots.Where(b => b.Id == botId).Select(b => b.ProtectedLineSecrets).FirstOrDefaultAsync(ct);
        return Read(protectedText)?.AccessToken;
    }

    /// <summary>The channel secret that signs the bot's webhooks, or null when the channel is not set up.</summary>
    public async Task<string?> ChannelSecretAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var protectedText = await db.Bots.Where(b => b.Id == botId).Select(b => b.ProtectedLineSecrets).FirstOrDefaultAsync(ct);
        return Read(protectedText)?.ChannelSecret;
    }

    private static bool IsLiffId(string text) =>
        text.Split('-') is [var channel, var app] && channel.Length > 0 && channel.All(char.IsAsciiDigit) && app.Length > 0 && app.All(char.IsAsciiLetterOrDigit);

    private Secrets? Read(string? protectedText) =>
        protectedText is null ? null : JsonSerializer.Deserialize<Secrets>(_protector.Unprotect(protectedText));
}
