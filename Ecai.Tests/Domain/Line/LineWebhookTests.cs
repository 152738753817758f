using System.Security.Cryptography;
using System.Text;
using Ecai.Domain.Line;
using Ecai.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Domain.Line;

/// <summary>The LINE webhook's rules: signature, follow / unfollow / text message, redelivery harmless.</summary>
public sealed class LineWebhookTests : IAsyncLifetime
{
    private const string Secret = "0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);
    private DomainFixture _f = null!;
    private LineWebhook _webhook = null!;
    private int _bot;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _webhook = new LineWebhook(_f.Db, _f.Live, _f.Clock);
        _bot = await _f.AddBotAsync();
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    internal static byte[] Delivery(params string[] events) =>
        Encoding.UTF8.GetBytes($$"""{"destination":"Ubot","events":[{{string.Join(",", events)}}]}""");

    internal static string Event(string type, string id, string user, string extra = "") =>
        $$"""{"type":"{{type}}","mode":"active","timestamp":{{At.ToUnixTimeMilliseconds()}},"source":{"type":"user","userId":"{{user}}"},"webhookEventId":"{{id}}","deliveryContext":{"isRedelivery":false}{{extra}}}""";

    internal static string Sign(byte[] body, string secret = Secret) => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    [Fact]
    public void Only_the_channel_secrets_signature_of_these_exact_bytes_is_authentic()
    {
        var body = Delivery(Event("follow", "E1", "Ua"));

        Assert.True(LineWebhook.IsAuthentic(body, Sign(body), Secret));
        Assert.False(LineWebhook.IsAuthentic(body, Sign(body, "ffffffffffffffffffffffffffffffff"), Secret));
        Assert.False(LineWebhook.IsAuthentic([.. body, (byte)' '], Sign(body), Secret));
        Assert.False(LineWebhook.IsAuthentic(body, null, Secret));
        Assert.False(LineWebhook.IsAuthentic(body, "not base64!", Secret));
    }

    [Fact]
    public async Task Follow_adds_the_friend_unfollow_blocks_and_a_later_follow_unblocks()
    {
        await _webhook.HandleAsync(_bot, Delivery(Event("follow", "E1", "Ua", ""","follow":{"isUnblocked":false}""")), CancellationToken.None);
        await using (var db = _f.Db.CreateDbContext())
        {
            var member = await db.Members.SingleAsync();
            Assert.Equal(("Ua", At, false), (member.LineUserId, member.FriendAddedAt, member.IsBlocked));
        }

        await _webhook.HandleAsync(_bot, Delivery(Event("unfollow", "E2", "Ua")), CancellationToken.None);
        await using (var db = _f.Db.CreateDbContext())
            Assert.True((await db.Members.SingleAsync()).IsBlocked);

        var again = await _webhook.HandleAsync(_bot, Delivery(Event("follow", "E3", "Ua", ""","follow":{"isUnblocked":true}""")), CancellationToken.None);
        Assert.Equal(1, again.Follows);
        await using (var db = _f.Db.CreateDbContext())
        {
            var member = await db.Members.SingleAsync();
            Assert.Equal((false, At), (member.IsBlocked, member.FriendAddedAt));
        }
    }

    [Fact]
    public async Task A_text_message_is_stored_for_the_chat_and_a_redelivery_changes_nothing()
    {
        var body = Delivery(Event("message", "E9", "Ub", ""","message":{"id":"m-1","type":"text","text":"定期の解約方法を教えてください"}"""));

        var first = await _webhook.HandleAsync(_bot, body, CancellationToken.None);
        var again = await _webhook.HandleAsync(_bot, body, CancellationToken.None);

        Assert.Equal((1, 0), (first.Messages, first.Duplicates));
        Assert.Equal((0, 1), (again.Messages, again.Duplicates));
        await using var db = _f.Db.CreateDbContext();
        var message = await db.ChatMessages.SingleAsync();
        Assert.Equal(("定期の解約方法を教えてください", true, "m-1", At), (message.Text, message.Incoming, message.LineMessageId, message.SentAt));
        Assert.Equal("Ub", (await db.Members.SingleAsync(m => m.Id == message.MemberId)).LineUserId);
    }

    [Fact]
    public async Task Lines_url_check_with_no_events_changes_nothing()
    {
        var result = await _webhook.HandleAsync(_bot, Encoding.UTF8.GetBytes("""{"destination":"Ubot","events":[]}"""), CancellationToken.None);

        Assert.Equal(new LineWebhookResult(0, 0, 0, 0), result);
        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(0, await db.Members.CountAsync());
    }

    [Fact]
    public async Task Channel_settings_are_checked_in_japanese_and_the_secrets_are_encrypted()
    {
        var channels = new LineChannels(_f.Db, _f.Protection);

        var errors = await channels.SaveAsync(_bot, new LineChannelSettings("abc", "short", null, null), CancellationToken.None);
        Assert.Equal("チャネルIDは数字で入力してください。", errors[nameof(LineChannelSettings.ChannelId)]);
        Assert.Equal("チャネルシークレットは32文字の英数字です。", errors[nameof(LineChannelSettings.ChannelSecret)]);
        Assert.Equal("チャネルアクセストークンを入力してください。", errors[nameof(LineChannelSettings.AccessToken)]);
        Assert.Null(await channels.ChannelSecretAsync(_bot, CancellationToken.None));

        Assert.Empty(await channels.SaveAsync(_bot, new LineChannelSettings("1650000000", Secret, "token-abc", "1650000000-AbCdEfGh"), CancellationToken.None));
        Assert.Empty(await channels.SaveAsync(_bot, new LineChannelSettings("1650000000", "", "", "1650000000-AbCdEfGh"), CancellationToken.None));
        Assert.Equal(Secret, await channels.ChannelSecretAsync(_bot, CancellationToken.None));
        await using var db = _f.Db.CreateDbContext();
        var bot = await db.Bots.SingleAsync();
        Assert.DoesNotContain(Secret, bot.ProtectedLineSecrets);
        Assert.DoesNotContain("token-abc", bot.ProtectedLineSecrets);
    }
}
