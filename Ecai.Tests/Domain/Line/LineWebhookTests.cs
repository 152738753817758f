using System.Security.Cryptography;
using System.Text;
using Ecai.Domain.Line;
using Ecai.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecai.Tests.Domain.Line;

/// <summary>The LINE webhook's rules: signature, follow / unfollow / text message, redelivery harmless, display names from the profile.</summary>
public sealed class LineWebhookTests : IAsyncLifetime
{
    private const string Secret = "0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);
    private const string AccessToken = "channel-token-abc";
    private DomainFixture _f = null!;
    private LineWebhook _webhook = null!;
    private LineChannels _channels = null!;
    private readonly ScriptedLineMessaging _line = new();
    private int _bot;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _channels = new LineChannels(_f.Db, _f.Protection);
        _webhook = new LineWebhook(_f.Db, _f.Live, _f.Clock, _channels, _line, NullLogger<LineWebhook>.Instance);
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
        var channels = _channels;

        var errors = await channels.SetUpAsync(_bot, new LineChannelSettings("abc", "short", null, null));
        Assert.Equal("チャネルIDは数字で入力してください。", errors[nameof(LineChannelSettings.ChannelId)]);
        Assert.Equal("チャネルシークレットは32文字の英数字です。", errors[nameof(LineChannelSettings.ChannelSecret)]);
        Assert.Equal("チャネルアクセストークンを入力してください。", errors[nameof(LineChannelSettings.AccessToken)]);
        Assert.Null(await channels.ChannelSecretAsync(_bot, CancellationToken.None));

        Assert.Empty(await channels.SetUpAsync(_bot, new LineChannelSettings("1650000000", Secret, "token-abc", "1650000000-AbCdEfGh")));
        Assert.Empty(await channels.SetUpAsync(_bot, new LineChannelSettings("1650000000", "", "", "1650000000-AbCdEfGh")));
        Assert.Equal(Secret, await channels.ChannelSecretAsync(_bot, CancellationToken.None));
        await using var db = _f.Db.CreateDbContext();
        var bot = await db.Bots.SingleAsync();
        Assert.DoesNotContain(Secret, bot.ProtectedLineSecrets);
        Assert.DoesNotContain("token-abc", bot.ProtectedLineSecrets);
    }

    private Task SetUpChannelAsync() =>
        _channels.SetUpAsync(_bot, new LineChannelSettings("1650000000", Secret, AccessToken, null));

    private async Task<string> DisplayNameAsync(string userId)
    {
        await using var db = _f.Db.CreateDbContext();
        return (await db.Members.SingleAsync(m => m.LineUserId == userId)).DisplayName;
    }

    [Fact]
    public async Task A_follow_names_the_friend_from_the_line_profile_asked_with_the_bots_access_token()
    {
        await SetUpChannelAsync();
        _line.Profiles["Ua"] = new LineProfile("Ua", "山田 花子", "https://profile.line-scdn.net/a");
        var body = Delivery(Event("follow", "E1", "Ua", ""","follow":{"isUnblocked":false}"""));

        await _webhook.HandleAsync(_bot, body, CancellationToken.None);
        await _webhook.HandleAsync(_bot, body, CancellationToken.None); // a redelivery asks nothing

        Assert.Equal("山田 花子", await DisplayNameAsync("Ua"));
        Assert.Equal([(AccessToken, "Ua")], _line.Calls);
    }

    [Fact]
    public async Task A_message_asks_for_the_profile_only_while_the_member_has_no_name()
    {
        await SetUpChannelAsync();
        _line.Profiles["Ub"] = new LineProfile("Ub", "佐藤 一郎", null);
        _line.Profiles["Uc"] = new LineProfile("Uc", "LINEの新しい名前", null);
        await using (var db = _f.Db.CreateDbContext())
        {
            db.Members.Add(new Ecai.Domain.Members.Member { BotId = _bot, LineUserId = "Uc", DisplayName = "鈴木", FriendAddedAt = At });
            await db.SaveChangesAsync();
        }

        await _webhook.HandleAsync(_bot, Delivery(
            Event("message", "E1", "Ub", ""","message":{"id":"m-1","type":"text","text":"こんにちは"}"""),
            Event("message", "E2", "Uc", ""","message":{"id":"m-2","type":"text","text":"こんばんは"}""")), CancellationToken.None);

        Assert.Equal(("佐藤 一郎", "鈴木"), (await DisplayNameAsync("Ub"), await DisplayNameAsync("Uc")));
        Assert.Equal([(AccessToken, "Ub")], _line.Calls);
    }

    [Fact]
    public async Task Without_an_access_token_or_after_an_unfollow_in_the_same_delivery_no_profile_is_asked()
    {
        await _webhook.HandleAsync(_bot, Delivery(Event("follow", "E1", "Ua")), CancellationToken.None);
        Assert.Empty(_line.Calls);

        await SetUpChannelAsync();
        await _webhook.HandleAsync(_bot, Delivery(Event("follow", "E2", "Ud"), Event("unfollow", "E3", "Ud")), CancellationToken.None);
        Assert.Empty(_line.Calls);
        Assert.Equal("", await DisplayNameAsync("Ud"));
    }

    [Fact]
    public async Task A_failing_profile_call_leaves_the_events_stored_and_the_delivery_succeeds()
    {
        await SetUpChannelAsync();
        _line.Failure = new HttpRequestException("LINE GET /v2/bot/profile failed with HTTP 500 (InternalServerError).");

        var result = await _webhook.HandleAsync(_bot, Delivery(
            Event("follow", "E1", "Ua"),
            Event("message", "E2", "Ua", ""","message":{"id":"m-1","type":"text","text":"届きますか"}""")), CancellationToken.None);

        Assert.Equal(new LineWebhookResult(1, 0, 1, 0), result);
        Assert.Equal("", await DisplayNameAsync("Ua"));
        await using var db = _f.Db.CreateDbContext();
        Assert.Equal("届きますか", (await db.ChatMessages.SingleAsync()).Text);
        Assert.Single(_line.Calls); // the first failure stops the step
    }

    /// <summary>Profiles by user id (absent = LINE's 404), a recorded call list, and an optional failure.</summary>
    private sealed class ScriptedLineMessaging : ILineMessaging
    {
        public Dictionary<string, LineProfile> Profiles { get; } = [];
        public List<(string AccessToken, string UserId)> Calls { get; } = [];
        public Exception? Failure { get; set; }

        public Task<LineProfile?> GetProfileAsync(string accessToken, string userId, CancellationToken ct)
        {
            Calls.Add((accessToken, userId));
            return Failure is { } failure ? Task.FromException<LineProfile?>(failure) : Task.FromResult(Profiles.GetValueOrDefault(userId));
        }
    }

    [Fact]
    public async Task Channel_settings_read_before_another_operator_saved_them_are_refused_with_the_fresh_settings()
    {
        Assert.Empty(await _channels.SetUpAsync(_bot, new LineChannelSettings("1650000000", Secret, AccessToken, null)));
        var first = (await _channels.ViewAsync(_bot, CancellationToken.None))!; // operator A's LINE設定
        var second = (await _channels.ViewAsync(_bot, CancellationToken.None))!; // operator B's
        var saved = await _channels.SaveAsync(_bot, new LineChannelSettings("1650000000", "", "", "1650000000-AbCdEfGh"), first.Version, CancellationToken.None);
        Assert.True(saved.Succeeded);

        var stale = await _channels.SaveAsync(_bot, new LineChannelSettings("1999999999", new string('b', 32), "old-token", null), second.Version, CancellationToken.None);

        Assert.Equal((false, true), (stale.Succeeded, stale.IsStale));
        Assert.Empty(stale.Errors);
        Assert.Equal(("1650000000", "1650000000-AbCdEfGh", saved.Version), (stale.Fresh!.ChannelId, stale.Fresh.LiffId, stale.Fresh.Version));
        var now = (await _channels.ViewAsync(_bot, CancellationToken.None))!;
        Assert.Equal(("1650000000", "1650000000-AbCdEfGh"), (now.ChannelId, now.LiffId));
        Assert.Equal(Secret, await _channels.ChannelSecretAsync(_bot, CancellationToken.None));
        Assert.Equal(AccessToken, await _channels.AccessTokenAsync(_bot, CancellationToken.None));
    }
}
