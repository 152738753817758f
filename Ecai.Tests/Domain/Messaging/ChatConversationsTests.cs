using Ecai.Domain.Line;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Chat;
using Ecai.Domain.Operators;
using Ecai.Domain.Realtime;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecai.Tests.Domain.Messaging;

public sealed class ChatConversationsTests : IAsyncLifetime
{
    private DomainFixture _f = null!;
    private readonly RecordingDispatchSignal _signal = new();
    private ChatConversations _chat = null!;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _chat = new ChatConversations(_f.Db, _signal, _f.Live, _f.Clock, NullLogger<ChatConversations>.Instance);
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private async Task<(int Bot, Member Member)> MemberAsync(string lineUserId = "U1", string display = "はなこ", string? registered = "山田 花子", bool blocked = false, int? bot = null)
    {
        var botId = bot ?? await _f.AddBotAsync();
        await using var db = _f.Db.CreateDbContext();
        var member = new Member { BotId = botId, LineUserId = lineUserId, DisplayName = display, RegisteredName = registered, IsBlocked = blocked };
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return (botId, member);
    }

    /// <summary>An operator (a login) to reply as.</summary>
    private async Task<string> OperatorAsync(string id = "op-1", string displayName = "運用 太郎", string? email = "op-1@example.jp")
    {
        await using var db = _f.Db.CreateDbContext();
        db.Users.Add(new Operator { Id = id, UserName = email ?? id, Email = email, DisplayName = displayName });
        await db.SaveChangesAsync();
        return id;
    }

    private async Task SayAsync(Member member, string text, bool incoming, DateTimeOffset at)
    {
        await using var db = _f.Db.CreateDbContext();
        db.ChatMessages.Add(new ChatMessage { BotId = member.BotId, MemberId = member.Id, Incoming = incoming, Text = text, SentAt = at });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_reply_writes_the_chat_message_its_content_and_a_pending_delivery_in_one_go_and_wakes_the_dispatcher()
    {
        var (bot, member) = await MemberAsync();
        var op = await OperatorAsync();

        var result = await _chat.ReplyAsync(bot, member.Id, "{name}様、お問い合わせありがとうございます。", op, CancellationToken.None);

        Assert.True(result.Succeeded);
        await using var db = _f.Db.CreateDbContext();
        var chat = await db.ChatMessages.SingleAsync();
        Assert.Equal((result.ChatMessageId, member.Id, false, "{name}様、お問い合わせありがとうございます。", _f.Clock.GetUtcNow(), op),
            (chat.Id, chat.MemberId, chat.Incoming, chat.Text, chat.SentAt, chat.OperatorId));
        var delivery = await db.Deliveries.SingleAsync();
        Assert.Equal((result.DeliveryId, bot, member.Id, DeliverySource.Chat, chat.Id, 0L, DeliveryState.Pending, _f.Clock.GetUtcNow()),
            (delivery.Id, delivery.BotId, delivery.MemberId, delivery.Source, delivery.SourceId, delivery.Occurrence, delivery.State, delivery.DueAt));
        Assert.NotEqual(Guid.Empty, delivery.RetryKey);
        var stored = await db.StoredMessages.SingleAsync(s => s.Id == delivery.MessageId);
        var content = MessageContent.Parse(stored.ContentJson);
        Assert.Equal("山田 花子様、お問い合わせありがとうございます。", (string?)content.ToLineMessages("山田 花子")[0]!["text"]);
        Assert.Equal([bot], _signal.Woken);
        Assert.Contains(new ChatMessageReceived(bot, member.Id), _f.Live.Events);
    }

    [Fact]
    public async Task Two_replies_get_two_deliveries_with_different_retry_keys()
    {
        var (bot, member) = await MemberAsync();

        await _chat.ReplyAsync(bot, member.Id, "1通目", null, CancellationToken.None);
        await _chat.ReplyAsync(bot, member.Id, "2通目", null, CancellationToken.None);

        await using var db = _f.Db.CreateDbContext();
        var keys = await db.Deliveries.Select(d => d.RetryKey).ToListAsync();
        Assert.Equal(2, keys.Distinct().Count());
        Assert.Equal([bot, bot], _signal.Woken);
    }

    [Fact]
    public async Task A_blocked_member_is_refused_in_japanese_and_nothing_is_written()
    {
        var (bot, member) = await MemberAsync(blocked: true);
        var op = await OperatorAsync();

        var result = await _chat.ReplyAsync(bot, member.Id, "こんにちは", op, CancellationToken.None);

        Assert.Equal("この友だちはブロック中のため、メッセージを送れません。", result.Problem);
        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(0, await db.ChatMessages.CountAsync() + await db.Deliveries.CountAsync() + await db.StoredMessages.CountAsync());
        Assert.Empty(_signal.Woken);
    }

    [Theory]
    [InlineData("", "メッセージを入力してください。")]
    [InlineData(" \n ", "メッセージを入力してください。")]
    public async Task An_empty_reply_is_refused(string text, string problem)
    {
        var (bot, member) = await MemberAsync();

        Assert.Equal(problem, (await _chat.ReplyAsync(bot, member.Id, text, null, CancellationToken.None)).Problem);
        Assert.Empty(_signal.Woken);
    }

    [Fact]
    public async Task A_reply_longer_than_line_allows_is_refused_and_one_at_the_limit_is_not()
    {
        var (bot, member) = await MemberAsync();

        Assert.Equal("メッセージは5,000文字以内で入力してください。",
            (await _chat.ReplyAsync(bot, member.Id, new string('あ', 5_001), null, CancellationToken.None)).Problem);
        Assert.True((await _chat.ReplyAsync(bot, member.Id, new string('あ', 5_000), null, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task A_member_of_another_bot_cannot_be_replied_to()
    {
        var (_, member) = await MemberAsync();
        var other = await _f.AddBotAsync("別ショップ");

        var result = await _chat.ReplyAsync(other, member.Id, "こんにちは", null, CancellationToken.None);

        Assert.False(result.Succeeded);
        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(0, await db.ChatMessages.CountAsync());
    }

    [Fact]
    public async Task The_list_shows_members_who_chatted_newest_first_with_their_last_text()
    {
        var (bot, hanako) = await MemberAsync("U1", "はなこ", "山田 花子");
        var (_, taro) = await MemberAsync("U2", "たろう", null, bot: bot);
        await MemberAsync("U3", "無言", null, bot: bot);
        var (_, stranger) = await MemberAsync("U4", "他店の人", null);
        var t = _f.Clock.GetUtcNow();
        await SayAsync(hanako, "商品について質問です", true, t.AddMinutes(-30));
        await SayAsync(taro, "届きました", true, t.AddMinutes(-20));
        await SayAsync(hanako, "{name}様、ご回答します", false, t.AddMinutes(-10));
        await SayAsync(stranger, "別の店", true, t);

        var list = await _chat.ListAsync(bot, CancellationToken.None);

        Assert.Equal([(hanako.Id, "山田 花子", "山田 花子様、ご回答します", false), (taro.Id, "たろう", "届きました", true)],
            list.Select(c => (c.MemberId, c.Name, c.LastText, c.AwaitingReply)).ToList());
    }

    [Fact]
    public async Task A_conversation_merges_chat_messages_and_scenario_deliveries_in_time_order_with_their_states()
    {
        var (bot, member) = await MemberAsync();
        var t = _f.Clock.GetUtcNow();
        await SayAsync(member, "注文した商品はいつ届きますか？", true, t.AddHours(-3));
        await using (var db = _f.Db.CreateDbContext())
        {
            var step = new StoredMessage { BotId = bot, ContentJson = new MessageContent([new Bubble { Kind = BubbleKind.Text, Text = "{name}さん、ご購入ありがとうございます" }]).ToJson() };
            db.StoredMessages.Add(step);
            await db.SaveChangesAsync();
            db.Deliveries.AddRange(
                new Delivery { BotId = bot, MemberId = member.Id, Source = DeliverySource.Step, SourceId = 1, MessageId = step.Id, RetryKey = Guid.NewGuid(),
                    DueAt = t.AddHours(-5), SentAt = t.AddHours(-5), State = DeliveryState.Sent },
                new Delivery { BotId = bot, MemberId = member.Id, Source = DeliverySource.Follow, SourceId = 2, MessageId = step.Id, RetryKey = Guid.NewGuid(),
                    DueAt = t.AddHours(-1), State = DeliveryState.Failed, Error = "Invalid reply token" },
                // Planned for tomorrow: not part of the talk yet.
                new Delivery { BotId = bot, MemberId = member.Id, Source = DeliverySource.Broadcast, SourceId = 3, MessageId = step.Id, RetryKey = Guid.NewGuid(),
                    DueAt = t.AddDays(1), State = DeliveryState.Pending });
            await db.SaveChangesAsync();
        }
        _f.Clock.Advance(TimeSpan.FromMinutes(1));
        await _chat.ReplyAsync(bot, member.Id, "明日お届け予定です", await OperatorAsync(), CancellationToken.None);

        var conversation = await _chat.GetAsync(bot, member.Id, CancellationToken.None);

        Assert.NotNull(conversation);
        Assert.Equal("山田 花子", conversation.Name);
        Assert.Equal([
            (ChatSide.Scenario, (DeliverySource?)DeliverySource.Step, (DeliveryState?)DeliveryState.Sent),
            (ChatSide.Member, null, null),
            (ChatSide.Scenario, DeliverySource.Follow, DeliveryState.Failed),
            (ChatSide.Operator, DeliverySource.Chat, DeliveryState.Pending),
        ], conversation.Entries.Select(e => (e.Side, e.Source, e.State)).ToList());
        Assert.Equal("山田 花子さん、ご購入ありがとうございます", (string?)conversation.Entries[0].Messages[0]!["text"]);
        Assert.Equal("注文した商品はいつ届きますか？", conversation.Entries[1].Text);
        Assert.Equal("Invalid reply token", conversation.Entries[2].Error);
        Assert.Equal("明日お届け予定です", (string?)conversation.Entries[3].Messages[0]!["text"]);
    }

    [Fact]
    public async Task Each_reply_names_the_operator_who_wrote_it_by_display_name_else_e_mail()
    {
        var (bot, member) = await MemberAsync();
        var taro = await OperatorAsync("op-1", "運用 太郎", "taro@example.jp");
        var hanako = await OperatorAsync("op-2", " ", "hanako@example.jp");
        await SayAsync(member, "質問です", true, _f.Clock.GetUtcNow().AddMinutes(-5));

        await _chat.ReplyAsync(bot, member.Id, "お答えします", taro, CancellationToken.None);
        _f.Clock.Advance(TimeSpan.FromMinutes(1));
        await _chat.ReplyAsync(bot, member.Id, "補足です", hanako, CancellationToken.None);
        _f.Clock.Advance(TimeSpan.FromMinutes(1));
        await _chat.ReplyAsync(bot, member.Id, "自動で送りました", null, CancellationToken.None);

        var conversation = await _chat.GetAsync(bot, member.Id, CancellationToken.None);

        Assert.Equal([(ChatSide.Member, null), (ChatSide.Operator, "運用 太郎"), (ChatSide.Operator, "hanako@example.jp"), (ChatSide.Operator, (string?)null)],
            conversation!.Entries.Select(e => (e.Side, e.SentBy)).ToList());
        await using var db = _f.Db.CreateDbContext();
        Assert.Equal([taro, hanako, null], await db.ChatMessages.Where(c => !c.Incoming).OrderBy(c => c.Id).Select(c => c.OperatorId).ToListAsync());
    }

    [Fact]
    public async Task Removing_an_operator_keeps_their_replies_without_a_sender()
    {
        var (bot, member) = await MemberAsync();
        var op = await OperatorAsync();
        await _chat.ReplyAsync(bot, member.Id, "お答えします", op, CancellationToken.None);

        await using (var db = _f.Db.CreateDbContext())
            await db.Users.Where(u => u.Id == op).ExecuteDeleteAsync();

        var entry = Assert.Single((await _chat.GetAsync(bot, member.Id, CancellationToken.None))!.Entries);
        Assert.Equal(("お答えします", (string?)null), (entry.Text, entry.SentBy));
    }

    [Fact]
    public async Task The_conversation_of_another_bots_member_is_not_given()
    {
        var (_, member) = await MemberAsync();
        var other = await _f.AddBotAsync("別ショップ");

        Assert.Null(await _chat.GetAsync(other, member.Id, CancellationToken.None));
    }

    private sealed class RecordingDispatchSignal : IDispatchSignal
    {
        private readonly List<int> _woken = [];
        public IReadOnlyList<int> Woken { get { lock (_woken) return [.. _woken]; } }
        public void Wake(int botId) { lock (_woken) _woken.Add(botId); }
    }
}
