using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ecai.Domain.Data;
using Ecai.Domain.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ecai.Domain.Line;

/// <summary>What one webhook delivery did.</summary>
public sealed record LineWebhookResult(int Follows, int Unfollows, int Messages, int Duplicates);

/// <summary>
/// LINE's webhook for one bot: follow creates the member or re-activates a blocked one,
/// unfollow marks it blocked, a text message is stored for the 1:1 chat; only events whose source is a
/// <c>user</c> count (group and room events are ignored). Each event's <c>webhookEventId</c> (or, when an older
/// redelivery has none, <see cref="LineEventHash"/>) is stored in the same transaction as its effect, so a redelivery changes nothing.
/// After the commit, friends who followed (and chatting members still without a name) get their LINE
/// display name from the Messaging API profile; that step never fails the delivery.
/// The caller verifies <c>x-line-signature</c> first (<see cref="IsAuthentic"/>).
/// </summary>
public sealed class LineWebhook(
    IDbContextFactory<EcaiDb> dbs, ILiveEvents live, TimeProvider clock, LineChannels channels, ILineMessaging line, ILogger<LineWebhook> logger)
{
    public const string SignatureHeader = "x-line-signature";

    /// <summary>Profiles fetched per delivery at most, so a burst of follows cannot hold the webhook up; the rest get their name with their first message.</summary>
    public const int MaxProfilesPerDelivery = 20;

    /// <summary>Base64(HMAC-SHA256(channel secret, raw body)), compared in constant time.</summary>
    public static bool IsAuthentic(byte[] body, string? signature, string channelSecret)
    {
        if (string.IsNullOrWhiteSpace(signature) || string.IsNullOrEmpty(channelSecret)) return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body);
        Span<byte> given = stackalloc byte[64];
        return Convert.TryFromBase64String(signature.Trim(), given, out var length)
               && CryptographicOperations.FixedTimeEquals(expected, given[..length]);
    }

    /// <summary>Applies a verified delivery. An empty <c>events</c> list (LINE's URL check) does nothing.</summary>
    public async Task<LineWebhookResult> HandleAsync(int botId, byte[] body, CancellationToken ct)
    {
        using var document = JsonDocument.Parse(body);
        if (!document.RootElement.TryGetProperty("events", out var events) || events.GetArrayLength() == 0)
            return new LineWebhookResult(0, 0, 0, 0);

        int follows = 0, unfollows = 0, messages = 0, duplicates = 0;
        // Who may need a profile after the commit: followers always, message senders only while nameless.
        var followed = new List<string>();
        var messaged = new List<string>();
        var chatted = new HashSet<long>();
        await using var context = await dbs.CreateDbContextAsync(ct);
        await context.Database.OpenConnectionAsync(ct);
        var db = context.Database.GetDbConnection();
        await using var tx = await db.BeginTransactionAsync(ct);
        await SqlBatch.LockMemberEventsAsync(db, tx, "@bot", ct, ("@bot", botId)); // follows raise FriendAdded events
        foreach (var e in events.EnumerateArray())
        {
            // Only a 1:1 source is a friend: a group's or room's events (messages, join, memberJoined…) carry a
            // groupId / roomId and often a userId of someone who never followed the bot; they are not ECAI's.
            if (!e.TryGetProperty("source", out var source) || Text(source, "type") != "user" || Text(source, "userId") is not { } userId)
                continue;
            // Older redeliveries carry no webhookEventId: the event's own content identifies it instead.
            var eventId = Text(e, "webhookEventId") ?? LineEventHash.Of(e);
            if (!await WebhookReceipts.TryRecordAsync(db, tx, $"line:{botId}", eventId, clock.GetUtcNow(), ct))
            {
                duplicates++;
                continue;
            }
            var at = e.TryGetProperty("timestamp", out var ms) && ms.TryGetInt64(out var value)
                ? DateTimeOffset.FromUnixTimeMilliseconds(value) : clock.GetUtcNow();
            switch (Text(e, "type"))
            {
                case "follow":
                    var friendId = await EnsureMemberAsync(db, tx, botId, userId, at, ct);
                    await SqlBatch.ExecuteAsync(db, tx, "UPDATE Members SET IsBlocked = FALSE, Version = Version + 1 WHERE BotId = @bot AND LineUserId = @user", ct,
                        ("@bot", botId), ("@user", userId));
                    // 友だち追加 for step triggers: every follow (new friend or unblock) is one occurrence, with the follow.
                    await SqlBatch.ExecuteAsync(db, tx, $"INSERT INTO MemberEvents (BotId, MemberId, Kind, OccurredAt) VALUES (@bot, @member, {(int)Members.MemberEventKind.FriendAdded}, @at)", ct,
                        ("@bot", botId), ("@member", friendId), ("@at", at.UtcTicks));
                    followed.Add(userId);
                    follows++;
                    break;
                case "unfollow":
                    await SqlBatch.ExecuteAsync(db, tx, "UPDATE Members SET IsBlocked = TRUE, Version = Version + 1 WHERE BotId = @bot AND LineUserId = @user", ct,
                        ("@bot", botId), ("@user", userId));
                    unfollows++;
                    break;
                case "message" when e.TryGetProperty("message", out var message) && Text(message, "type") == "text":
                    var memberId = await EnsureMemberAsync(db, tx, botId, userId, at, ct);
                    await SqlBatch.ExecuteAsync(db, tx, """
                        INSERT INTO ChatMessages (BotId, MemberId, Incoming, Text, LineMessageId, SentAt)
                        VALUES (@bot, @member, TRUE, @text, @id, @at)
                        """, ct, ("@bot", botId), ("@member", memberId), ("@text", Text(message, "text") ?? ""),
                        ("@id", Text(message, "id")), ("@at", at.UtcTicks));
                    messaged.Add(userId);
                    chatted.Add(memberId);
                    messages++;
                    break;
            }
        }
        await tx.CommitAsync(ct);
        if (follows + unfollows > 0) live.Publish(new DashboardChanged(botId));
        foreach (var member in chatted) live.Publish(new ChatMessageReceived(botId, member));
        if (followed.Count + messaged.Count > 0) await FillDisplayNamesAsync(botId, followed, messaged, ct);
        return new LineWebhookResult(follows, unfollows, messages, duplicates);
    }

    /// <summary>
    /// Sets the LINE display name of the (still following) members who followed in this delivery, and of message
    /// senders whose name is still empty, from <c>GET /v2/bot/profile</c>. Skipped when the bot has no access token.
    /// The events are already stored: a failure is logged (without tokens) and stops this step, nothing more.
    /// </summary>
    private async Task FillDisplayNamesAsync(int botId, List<string> followed, List<string> messaged, CancellationToken ct)
    {
        try
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var candidates = followed.Concat(messaged).Distinct(StringComparer.Ordinal).ToList();
            var members = await db.Members.Where(m => m.BotId == botId && !m.IsBlocked && candidates.Contains(m.LineUserId))
                .Select(m => new { m.LineUserId, m.DisplayName }).ToListAsync(ct);
            var wanted = candidates
                .Where(u => members.Any(m => m.LineUserId == u && (m.DisplayName.Length == 0 || followed.Contains(u))))
                .Take(MaxProfilesPerDelivery).ToList();
            if (wanted.Count == 0 || await channels.AccessTokenAsync(botId, ct) is not { } token) return;

            foreach (var userId in wanted)
            {
                if (await line.GetProfileAsync(token, userId, ct) is not { DisplayName.Length: > 0 } profile) continue;
                await db.Members.Where(m => m.BotId == botId && m.LineUserId == userId)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.DisplayName, profile.DisplayName).SetProperty(m => m.Version, m => m.Version + 1), ct);
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning("LINE profiles for bot {BotId} were not fetched; the events are stored ({Error}: {Message}).",
                botId, ex.GetType().Name, ex.Message);
        }
    }

    /// <summary>The member with this LINE user id, created as a new friend if ECAI has not seen it (display name comes with the profile later).</summary>
    private static async Task<long> EnsureMemberAsync(DbConnection db, DbTransaction tx, int botId, string userId, DateTimeOffset at, CancellationToken ct)
    {
        await SqlBatch.ExecuteAsync(db, tx, """
            INSERT INTO Members (BotId, LineUserId, DisplayName, FriendAddedAt, IsBlocked, Points)
            VALUES (@bot, @user, '', @at, FALSE, 0) ON CONFLICT(BotId, LineUserId) DO NOTHING
            """, ct, ("@bot", botId), ("@user", userId), ("@at", at.UtcTicks));
        return await SqlBatch.ScalarAsync(db, tx, "SELECT Id FROM Members WHERE BotId = @bot AND LineUserId = @user", ct,
            ("@bot", botId), ("@user", userId));
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
}
