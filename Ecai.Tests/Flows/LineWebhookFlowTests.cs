using System.Net;
using System.Net.Http.Headers;
using Ecai.Domain.Line;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Integrations.Line;
using Ecai.Integrations.Line.Sandbox;
using Ecai.Tests.Domain.Line;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Flows;

/// <summary>
/// POST /line/webhook/{botId} through the whole app: the signature decides, before anything is stored; a follow
/// brings the friend's LINE display name from the LINE sandbox the app is re-pointed at.
/// </summary>
public sealed class LineWebhookFlowTests : IAsyncLifetime
{
    private const string Secret = "fedcba9876543210fedcba9876543210";
    private readonly EcaiAppFactory _app = new();
    private HttpClient _http = null!;
    private SandboxServer<LineSandboxStore> _line = null!;
    private int _bot;

    public async Task InitializeAsync()
    {
        var store = new LineSandboxStore();
        store.AcceptAccessToken("token");
        store.AddFriend("Uflow", "フロー 花子");
        _line = await LineSandbox.StartAsync(store);
        _app.Services.GetRequiredService<LineEndpoint>().BaseUrl = new Uri(_line.BaseUrl);
        (_bot, _, _) = await _app.AddOperatorWithBotAsync("LINEフロー", "line-flow@example.jp");
        Assert.Empty(await _app.Services.GetRequiredService<LineChannels>().SetUpAsync(_bot,
            new LineChannelSettings("1650000001", Secret, "token", null)));
        _http = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _line.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(int botId, byte[] body, string? signature)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null) content.Headers.Add(LineWebhook.SignatureHeader, signature);
        return _http.PostAsync($"/line/webhook/{botId}", content);
    }

    private async Task<int> MembersAsync()
    {
        await using var db = await _app.Db.CreateDbContextAsync();
        return await db.Members.CountAsync(m => m.BotId == _bot);
    }

    [Fact]
    public async Task A_signed_follow_adds_the_friend_with_the_line_display_name_without_a_login()
    {
        var body = LineWebhookTests.Delivery(LineWebhookTests.Event("follow", "F1", "Uflow"));

        var response = await PostAsync(_bot, body, LineWebhookTests.Sign(body, Secret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await MembersAsync());
        await using var db = await _app.Db.CreateDbContextAsync();
        Assert.Equal("フロー 花子", (await db.Members.SingleAsync(m => m.BotId == _bot)).DisplayName);
        Assert.Equal(1L, _line.Store.Requests);
    }

    [Fact]
    public async Task A_bad_or_missing_signature_is_401_and_stores_nothing()
    {
        var body = LineWebhookTests.Delivery(LineWebhookTests.Event("follow", "F2", "Uflow2"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_bot, body, LineWebhookTests.Sign(body, "00000000000000000000000000000000"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_bot, body, null)).StatusCode);
        Assert.Equal(0, await MembersAsync());
    }

    [Fact]
    public async Task A_bot_without_a_line_channel_is_404()
    {
        var body = LineWebhookTests.Delivery();

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(_bot + 1000, body, LineWebhookTests.Sign(body, Secret))).StatusCode);
    }
    private async Task<HttpResponseMessage> PostSignedAsync(string json)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(json);
        return await PostAsync(_bot, body, LineWebhookTests.Sign(body, Secret));
    }

    private async Task<(int Members, int Chats, int FriendEvents)> RowsAsync()
    {
        await using var db = await _app.Db.CreateDbContextAsync();
        return (await db.Members.CountAsync(m => m.BotId == _bot), await db.ChatMessages.CountAsync(c => c.BotId == _bot),
            await db.MemberEvents.CountAsync(e => e.BotId == _bot && e.Kind == Ecai.Domain.Members.MemberEventKind.FriendAdded));
    }

    [Theory]
    [InlineData(nameof(LineWebhookFixtures.GroupTextMessage))]
    [InlineData(nameof(LineWebhookFixtures.RoomTextMessage))]
    [InlineData(nameof(LineWebhookFixtures.JoinAndMemberJoinedInGroup))]
    public async Task Group_and_room_events_create_no_friend_and_no_chat_message(string fixture)
    {
        var json = (string)typeof(LineWebhookFixtures).GetField(fixture)!.GetValue(null)!;

        var response = await PostSignedAsync(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((0, 0, 0), await RowsAsync());
        Assert.Equal(0L, _line.Store.Requests); // no profile asked for a group member either
    }

    [Fact]
    public async Task A_group_message_from_an_existing_friend_stays_out_of_the_one_to_one_chat()
    {
        await PostSignedAsync(LineWebhookFixtures.OlderUserFollow.Replace("U4af4980629a1b2c3d4e5f6a7b8c9d0e5", "U4af4980629a1b2c3d4e5f6a7b8c9d0e1"));

        await PostSignedAsync(LineWebhookFixtures.GroupTextMessage);

        Assert.Equal((1, 0, 1), await RowsAsync());
    }

    [Fact]
    public async Task An_older_follow_without_webhook_event_id_delivered_twice_adds_one_friend_once()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(LineWebhookFixtures.OlderUserFollow)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(LineWebhookFixtures.OlderUserFollowRedelivered)).StatusCode);

        Assert.Equal((1, 0, 1), await RowsAsync());
        await using (var db = await _app.Db.CreateDbContextAsync())
            Assert.Equal(1, await db.WebhookReceipts.CountAsync(r => r.Source == $"line:{_bot}" && r.DeliveryId.StartsWith(LineEventHash.Prefix)));

        await PostSignedAsync(LineWebhookFixtures.OlderUserFollowLater); // a different follow is a new occurrence

        Assert.Equal((1, 0, 2), await RowsAsync());
    }
}
