using System.Text.Json.Nodes;
using Ecai.Domain.Data;
using Ecai.Domain.Line;
using Ecai.Domain.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ecai.Domain.Messaging.Chat;

/// <summary>One member in the 1:1トーク list: the last chat message, and whether the member wrote last (awaiting a reply).</summary>
public sealed record ConversationSummary(
    long MemberId, string Name, bool IsBlocked, string LastText, bool LastIncoming, DateTimeOffset LastAt)
{
    /// <summary>The member spoke last: the shop has not answered yet.</summary>
    public bool AwaitingReply => LastIncoming;
}

/// <summary>A friend 「新しいトーク」 found: enough to tell two 田中 apart.</summary>
public sealed record FriendMatch(long MemberId, string Name, string DisplayName, bool IsBlocked, string? Phone, string? Email);

/// <summary>Who wrote one line of a conversation.</summary>
public enum ChatSide
{
    /// <summary>The member (webhook).</summary>
    Member = 1,
    /// <summary>An operator's 1:1 reply.</summary>
    Operator = 2,
    /// <summary>A step message, follow message or broadcast sent to the member.</summary>
    Scenario = 3,
}

/// <summary>
/// One line of a conversation. <see cref="Messages"/> are the LINE message objects the member got (for the shop's side);
/// <see cref="Text"/> is what the member wrote (or the operator typed). <see cref="State"/> is the delivery's state for
/// what the shop sent (null for what the member wrote, and for replies written before the ledger). <see cref="SentBy"/> names
/// the operator who wrote a reply (display name, else e-mail; null when not recorded or the operator was removed).
/// </summary>
public sealed record ChatEntry(
    DateTimeOffset At, ChatSide Side, string? Text, JsonArray Messages, DeliverySource? Source, DeliveryState? State,
    DeliverySkipReason? SkipReason, string? Error, string? SentBy = null);

/// <summary>A member's 1:1 conversation, oldest first.</summary>
public sealed record Conversation(long MemberId, string Name, bool IsBlocked, IReadOnlyList<ChatEntry> Entries);

/// <summary>What <see cref="ChatConversations.ReplyAsync"/> did: the rows written, or why nothing was.</summary>
public sealed record ChatReplyResult(string? Problem, long ChatMessageId = 0, long DeliveryId = 0)
{
    public bool Succeeded => Problem is null;
}

/// <summary>
/// 1:1トーク: the bot's conversations (members who wrote or were written to, newest first), one member's conversation
/// merged in time order from ChatMessages (incoming from the webhook, operator replies) and the member's deliveries from
/// step / follow / broadcast messages (with their state and content), and operator replies, which go through the send
/// ledger like every other message (a Pending <see cref="Delivery"/> the dispatcher pushes with its retry key).
/// </summary>
public sealed class ChatConversations(
    IDbContextFactory<EcaiDb> dbs, IDispatchSignal dispatch, ILiveEvents live, TimeProvider clock, ILogger<ChatConversations> logger)
{
    /// <summary>Conversations listed at most.</summary>
    public const int ListLimit = 200;

    /// <summary>Lines of a conversation shown at most (the newest).</summary>
    public const int EntryLimit = 200;

    /// <summary>The bot's members with chat messages, the one with the newest message first.</summary>
    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var lastIds = db.ChatMessages.Where(c => c.BotId == botId).GroupBy(c => c.MemberId).Select(g => g.Max(c => c.Id));
        var rows = await (
            from c in db.ChatMessages
            join m in db.Members on c.MemberId equals m.Id
            where lastIds.Contains(c.Id)
            orderby c.Id descending
            select new { c.MemberId, c.Text, c.Incoming, c.SentAt, m.RegisteredName, m.DisplayName, m.IsBlocked }).Take(ListLimit).ToListAsync(ct);
        return rows.Select(r =>
            {
                var name = NameOf(r.RegisteredName, r.DisplayName);
                // A reply shows as the member got it, with the name put in.
                var text = r.Incoming ? r.Text : r.Text.Replace(MessageContent.NameVariable, name, StringComparison.Ordinal);
                return new ConversationSummary(r.MemberId, name, r.IsBlocked, text, r.Incoming, r.SentAt);
            })
            .OrderByDescending(r => r.LastAt).ToList();
    }

    /// <summary>Friends 「新しいトーク」 shows at most.</summary>
    public const int FindLimit = 20;

    /// <summary>
    /// 「新しいトーク」: the bot's friends, whether or not they ever wrote, whose LINE or registered name contains the text, whose
    /// phone or e-mail (the member's own or a linked cart customer's) is the text once normalised, or whose linked cart
    /// customer has the text as customer number or id. One query; empty for a blank text.
    /// </summary>
    public async Task<IReadOnlyList<FriendMatch>> FindFriendsAsync(int botId, string? text, CancellationToken ct)
    {
        var term = text?.Trim();
        if (string.IsNullOrEmpty(term)) return [];
        var phone = Linking.PhoneNormalizer.Normalize(term);
        var email = term.Contains('@') ? Linking.EmailNormalizer.Normalize(term) : null;
        var pattern = "%" + term.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
        await using var db = await dbs.CreateDbContextAsync(ct);
        var byCustomer =
            from l in db.CartLinks
            join c in db.CartCustomers on l.CartCustomerId equals c.Id
            where l.BotId == botId
                  && (c.Number == term || c.ExternalId == term
                      || (phone != null && c.PhoneNormalized == phone) || (email != null && c.EmailNormalized == email))
            select l.MemberId;
        var rows = await db.Members.AsNoTracking()
            .Where(m => m.BotId == botId
                        && (EF.Functions.Like(m.DisplayName, pattern, @"\") || EF.Functions.Like(m.RegisteredName!, pattern, @"\")
                            || (phone != null && m.PhoneNormalized == phone) || (email != null && m.EmailNormalized == email)
                            || byCustomer.Contains(m.Id)))
            .OrderBy(m => m.IsBlocked).ThenByDescending(m => m.FriendAddedAt).ThenByDescending(m => m.Id)
            .Select(m => new { m.Id, m.RegisteredName, m.DisplayName, m.IsBlocked, m.PhoneRaw, m.EmailRaw })
            .Take(FindLimit).ToListAsync(ct);
        return rows.Select(r => new FriendMatch(r.Id, NameOf(r.RegisteredName, r.DisplayName), r.DisplayName, r.IsBlocked, r.PhoneRaw, r.EmailRaw)).ToList();
    }

    /// <summary>A member's conversation (null when the member is not the bot's): the newest <see cref="EntryLimit"/> lines, oldest first.</summary>
    public async Task<Conversation?> GetAsync(int botId, long memberId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId && m.BotId == botId)
            .Select(m => new { m.RegisteredName, m.DisplayName, m.IsBlocked }).FirstOrDefaultAsync(ct);
        if (member is null) return null;
        var name = NameOf(member.RegisteredName, member.DisplayName);

        var chats = await db.ChatMessages.AsNoTracking().Where(c => c.MemberId == memberId && c.BotId == botId)
            .OrderByDescending(c => c.Id).Take(EntryLimit).ToListAsync(ct);
        var chatIds = chats.Where(c => !c.Incoming).Select(c => c.Id).ToList();
        // The ledger rows of the replies shown, and the member's other deliveries that are due (future ones are plans, not talk).
        var now = clock.GetUtcNow();
        var deliveries = await (
            from d in db.Deliveries.AsNoTracking()
            join s in db.StoredMessages on d.MessageId equals s.Id
            where d.MemberId == memberId && d.BotId == botId
                  && (d.Source == DeliverySource.Chat ? chatIds.Contains(d.SourceId) : d.State != DeliveryState.Pending || d.DueAt <= now)
            orderby d.Id descending
            select new { d.Source, d.SourceId, d.State, d.SkipReason, d.Error, d.DueAt, d.SentAt, s.ContentJson }).Take(EntryLimit * 2).ToListAsync(ct);
        var replyStates = deliveries.Where(d => d.Source == DeliverySource.Chat).GroupBy(d => d.SourceId).ToDictionary(g => g.Key, g => g.First());
        var operatorIds = chats.Where(c => c.OperatorId is not null).Select(c => c.OperatorId!).Distinct().ToList();
        Dictionary<string, string?> operators = operatorIds.Count == 0 ? []
            : (await db.Users.AsNoTracking().Where(u => operatorIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
                .ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email : u.DisplayName);

        var entries = new List<ChatEntry>(chats.Count + deliveries.Count);
        foreach (var c in chats)
        {
            if (c.Incoming)
            {
                entries.Add(new ChatEntry(c.SentAt, ChatSide.Member, c.Text, [], null, null, null, null));
                continue;
            }
            var ledger = replyStates.GetValueOrDefault(c.Id);
            var messages = ledger is null ? MessageContent.OfText(c.Text).ToLineMessages(name) : LineMessages(ledger.ContentJson, name);
            entries.Add(new ChatEntry(c.SentAt, ChatSide.Operator, c.Text, messages, DeliverySource.Chat, ledger?.State, ledger?.SkipReason, ledger?.Error,
                c.OperatorId is { } op ? operators.GetValueOrDefault(op) : null));
        }
        foreach (var d in deliveries.Where(d => d.Source != DeliverySource.Chat))
            entries.Add(new ChatEntry(d.SentAt ?? d.DueAt, ChatSide.Scenario, null, LineMessages(d.ContentJson, name), d.Source, d.State, d.SkipReason, d.Error));

        return new Conversation(memberId, name, member.IsBlocked,
            entries.OrderBy(e => e.At).TakeLast(EntryLimit).ToList());
    }

    /// <summary>
    /// An operator's reply: in one transaction the outgoing chat message (with the replying operator, when known), its
    /// content (one text bubble) and a Pending delivery due now with a new retry key; then the dispatcher is woken. Refused
    /// (nothing written) for an empty or too long text, a member of another bot, or a member who blocked the bot.
    /// </summary>
    public async Task<ChatReplyResult> ReplyAsync(int botId, long memberId, string text, string? operatorId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) return new ChatReplyResult("メッセージを入力してください。");
        if (MessageContent.SentLength(text) > MessageContent.MaxTextLength)
            return new ChatReplyResult($"メッセージは{MessageContent.MaxTextLength:N0}文字以内で入力してください。");

        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var member = await db.Members.Where(m => m.Id == memberId && m.BotId == botId).Select(m => new { m.IsBlocked }).FirstOrDefaultAsync(ct);
        if (member is null) return new ChatReplyResult("この友だちは見つかりません。");
        if (member.IsBlocked) return new ChatReplyResult("この友だちはブロック中のため、メッセージを送れません。");

        var now = clock.GetUtcNow();
        var chat = new ChatMessage { BotId = botId, MemberId = memberId, Incoming = false, Text = text, SentAt = now, OperatorId = operatorId };
        var stored = new StoredMessage { BotId = botId, ContentJson = MessageContent.OfText(text).ToJson(), CreatedAt = now };
        db.AddRange(chat, stored);
        await db.SaveChangesAsync(ct);
        var delivery = new Delivery
        {
            BotId = botId, MemberId = memberId, Source = DeliverySource.Chat, SourceId = chat.Id, Occurrence = 0, MessageId = stored.Id,
            RetryKey = Guid.NewGuid(), DueAt = now, State = DeliveryState.Pending, CreatedAt = now,
        };
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        // No message text, no secrets in the log.
        logger.LogInformation("Operator {OperatorId} replied to member {MemberId} of bot {BotId} (chat {ChatId}).", operatorId ?? "-", memberId, botId, chat.Id);
        dispatch.Wake(botId);
        live.Publish(new ChatMessageReceived(botId, memberId));
        return new ChatReplyResult(null, chat.Id, delivery.Id);
    }

    /// <summary>The name put in for <see cref="MessageContent.NameVariable"/>: the registered name, else the LINE display name.</summary>
    public static string NameOf(string? registeredName, string displayName) =>
        string.IsNullOrWhiteSpace(registeredName) ? displayName : registeredName;

    private static JsonArray LineMessages(string contentJson, string name)
    {
        try { return MessageContent.Parse(contentJson).ToLineMessages(name); }
        catch (System.Text.Json.JsonException) { return []; } // a row this build cannot read shows as an empty bubble, never breaks the page
    }
}
