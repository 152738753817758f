using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ecai.Domain.Data;
using Ecai.Domain.Realtime;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Line;

/// <summary>What one webhook delivery did.</summary>
public sealed record LineWebhookResult(int Follows, int Unfollows, int Messages, int Duplicates);

/// <summary>
/// LINE's webhook for one bot (apis.md §5.5): follow creates the member or re-activates a blocked one,
/// unfollow marks it blocked, a text message is stored for the 1:1 chat. Each event's
/// <c>webhookEventId</c> is stored in the same transaction as its effect, so a redelivery changes nothing.
/// The caller verifies <c>x-line-signature</c> first (<see cref="IsAuthentic"/>).
/// </summary>
public sealed class LineWebhook(IDbContextFactory<EcaiDb> dbs, ILiveEvents live, TimeProvider clock)
{
    public const string SignatureHeader = "x-line-signature";

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
        await using var context = await dbs.CreateDbContextAsync(ct);
        await context.Database.OpenConnectionAsync(ct);
        var db = (SqliteConnection)context.Database.GetDbConnection();
        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync(ct);
        foreach (var e in events.EnumerateArray())
        {
            var eventId = Text(e, "webhookEventId");
            var userId = e.TryGetProperty("source", out var source) ? Text(source, "userId") : null;
            if (eventId is null || userId is null) continue; // group chats and malformed events are not ECAI's
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
                    await EnsureMemberAsync(db, tx, botId, userId, at, ct);
                    await SqlBatch.ExecuteAsync(db, tx, "UPDATE Members SET IsBlocked = 0 WHERE BotId = $bot AND LineUserId = $user", ct,
                        ("$bot", botId), ("$user", userId));
                    follows++;
                    break;
                case "unfollow":
                    await SqlBatch.ExecuteAsync(db, tx, "UPDATE Members SET IsBlocked = 1 WHERE BotId = $bot AND LineUserId = $user", ct,
                        ("$bot", botId), ("$user", userId));
                    unfollows++;
                    break;
                case "message" when e.TryGetProperty("message", out var message) && Text(message, "type") == "text":
                    var memberId = await EnsureMemberAsync(db, tx, botId, userId, at, ct);
                    await SqlBatch.ExecuteAsync(db, tx, """
                        INSERT INTO ChatMessages (BotId, MemberId, Incoming, Text, LineMessageId, SentAt)
                        VALUES ($bot, $member, 1, $text, $id, $at)
                        """, ct, ("$bot", botId), ("$member", memberId), ("$text", Text(message, "text") ?? ""),
                        ("$id", Text(message, "id")), ("$at", at.UtcTicks));
                    messages++;
                    break;
            }
        }
        await tx.CommitAsync(ct);
        if (follows + unfollows > 0) live.Publish(new DashboardChanged(botId));
        return new LineWebhookResult(follows, unfollows, messages, duplicates);
    }

    /// <summary>The member with this LINE user id, created as a new friend if ECAI has not seen it (display name comes with the profile later).</summary>
    private static async Task<long> EnsureMemberAsync(SqliteConnection db, SqliteTransaction tx, int botId, string userId, DateTimeOffset at, CancellationToken ct)
    {
        await SqlBatch.ExecuteAsync(db, tx, """
            INSERT INTO Members (BotId, LineUserId, DisplayName, FriendAddedAt, IsBlocked, Points)
            VALUES ($bot, $user, '', $at, 0, 0) ON CONFLICT(BotId, LineUserId) DO NOTHING
            """, ct, ("$bot", botId), ("$user", userId), ("$at", at.UtcTicks));
        return await SqlBatch.ScalarAsync(db, tx, "SELECT Id FROM Members WHERE BotId = $bot AND LineUserId = $user", ct,
            ("$bot", botId), ("$user", userId));
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
}
