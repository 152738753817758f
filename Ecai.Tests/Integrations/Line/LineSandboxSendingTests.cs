using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecai.Integrations.Line.Sandbox;

namespace Ecai.Tests.Integrations.Line;

/// <summary>The LINE sandbox's sending side on the wire, seen with a plain HttpClient: LINE's statuses, headers and bodies.</summary>
public sealed class LineSandboxSendingTests : IAsyncLifetime
{
    private LineTestHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _host = await LineTestHost.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_host.Server.BaseUrl) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    private sealed record Answer(HttpStatusCode Status, JsonNode? Body, HttpResponseHeaders Headers)
    {
        public string? Header(string name) => Headers.TryGetValues(name, out var values) ? values.Single() : null;
        public string? Message => Body?["message"]?.GetValue<string>();
    }

    private async Task<Answer> SendAsync(HttpMethod method, string path, string? json = null, Guid? retryKey = null, string token = LineTestHost.AccessToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (retryKey is { } key) request.Headers.Add("X-Line-Retry-Key", key.ToString());
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers);
    }

    private static string Push(string to, string messages = """[{"type":"text","text":"こんにちは"}]""") =>
        $$"""{"to":"{{to}}","messages":{{messages}},"notificationDisabled":false}""";

    [Fact]
    public async Task A_replayed_retry_key_is_409_with_the_accepted_request_id_and_the_same_sent_messages()
    {
        var key = Guid.NewGuid();

        var first = await SendAsync(HttpMethod.Post, "/v2/bot/message/push", Push("U1111"), key);
        var again = await SendAsync(HttpMethod.Post, "/v2/bot/message/push", Push("U1111"), key);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (first.Status, again.Status));
        Assert.Equal("The retry key is already accepted", again.Message);
        Assert.Equal(first.Header("X-Line-Request-Id"), again.Header("X-Line-Accepted-Request-Id"));
        Assert.NotEqual(first.Header("X-Line-Request-Id"), again.Header("X-Line-Request-Id"));
        Assert.True(JsonNode.DeepEquals(first.Body!["sentMessages"], again.Body!["sentMessages"]));
        Assert.Matches("^[0-9]{18}$", first.Body!["sentMessages"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(first.Header("X-Line-Request-Id"), Assert.Single(_host.Store.ReceivedBy("U1111")).RequestId);
    }

    [Fact]
    public async Task A_multicast_answers_an_empty_object_and_its_replay_only_the_message()
    {
        var key = Guid.NewGuid();
        const string body = """{"to":["U1111","U2222"],"messages":[{"type":"text","text":"お知らせ"}]}""";

        var first = await SendAsync(HttpMethod.Post, "/v2/bot/message/multicast", body, key);
        var again = await SendAsync(HttpMethod.Post, "/v2/bot/message/multicast", body, key);

        Assert.Equal((HttpStatusCode.OK, "{}"), (first.Status, first.Body!.ToJsonString()));
        Assert.Equal((HttpStatusCode.Conflict, """{"message":"The retry key is already accepted"}"""), (again.Status, again.Body!.ToJsonString()));
        Assert.Equal((1, 1), (_host.Store.ReceivedCount("U1111"), _host.Store.ReceivedCount("U2222")));
    }

    [Fact]
    public async Task A_retry_key_is_kept_24_hours_on_the_sandbox_clock()
    {
        var key = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, "/v2/bot/message/push", Push("U1111"), key)).Status);

        _host.StoreClock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, "/v2/bot/message/push", Push("U1111"), key)).Status);

        _host.StoreClock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, "/v2/bot/message/push", Push("U1111"), key)).Status);
        Assert.Equal(2, _host.Store.ReceivedCount("U1111"));
    }

    [Fact]
    public async Task A_retry_key_elsewhere_or_not_a_uuid_is_400()
    {
        var onProfile = await SendAsync(HttpMethod.Get, "/v2/bot/profile/U1111", retryKey: Guid.NewGuid());
        var onRichMenu = await SendAsync(HttpMethod.Post, "/v2/bot/user/U1111/richmenu/richmenu-1", retryKey: Guid.NewGuid());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/bot/message/push") { Content = new StringContent(Push("U1111"), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LineTestHost.AccessToken);
        request.Headers.Add("X-Line-Retry-Key", "not-a-uuid");
        using var notUuid = await _http.SendAsync(request);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (onProfile.Status, onRichMenu.Status, notUuid.StatusCode));
        Assert.Null(_host.Store.RichMenuOf("U1111"));
        Assert.Equal(0L, _host.Store.TotalReceived);
    }

    [Fact]
    public async Task Messages_are_validated_loosely_with_lines_error_shape()
    {
        const string six = """[{"type":"text","text":"1"},{"type":"text","text":"2"},{"type":"text","text":"3"},{"type":"text","text":"4"},{"type":"text","text":"5"},{"type":"text","text":"6"}]""";
        var bubbles = string.Join(",", Enumerable.Repeat("""{"type":"bubble"}""", 13));

        var tooMany = await SendAsync(HttpMethod.Post, "/v2/bot/message/push", Push("U1111", six));
        var broken = await SendAsync(HttpMethod.Post, "/v2/bot/message/push", Push("U1111",
            $$$"""[{"type":"image","originalContentUrl":"https://example.com/a.jpg"},{"type":"flex","contents":{"type":"bubble"}},{"type":"flex","altText":"13","contents":{"type":"carousel","contents":[{{{bubbles}}}]}}]"""));
        var fine = await SendAsync(HttpMethod.Post, "/v2/bot/message/push", Push("U1111",
            """[{"type":"flex","altText":"ご注文","contents":{"type":"bubble","body":{"type":"box","layout":"vertical","contents":[]}}}]"""));

        Assert.Equal((HttpStatusCode.BadRequest, "The request body has 1 error(s)"), (tooMany.Status, tooMany.Message));
        Assert.Equal("messages", tooMany.Body!["details"]![0]!["property"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, broken.Status);
        Assert.Equal(["messages[0].previewImageUrl", "messages[1].altText", "messages[2].contents.contents"],
            broken.Body!["details"]!.AsArray().Select(d => d!["property"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, fine.Status);
        Assert.Equal(1L, _host.Store.TotalReceived);
    }

    [Fact]
    public async Task Multicast_is_limited_to_200_requests_a_second_per_channel_with_a_bare_429()
    {
        const string body = """{"to":["U1111"],"messages":[{"type":"text","text":"x"}]}""";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 200; i++) statuses.Add((await SendAsync(HttpMethod.Post, "/v2/bot/message/multicast", body)).Status);

        var over = await SendAsync(HttpMethod.Post, "/v2/bot/message/multicast", body);
        _host.StoreClock.Advance(TimeSpan.FromSeconds(1));
        var nextSecond = await SendAsync(HttpMethod.Post, "/v2/bot/message/multicast", body);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal((HttpStatusCode.TooManyRequests, """{"message":"Too many requests"}"""), (over.Status, over.Body!.ToJsonString()));
        Assert.False(over.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, nextSecond.Status);
        Assert.Equal(201, _host.Store.ReceivedCount("U1111"));
    }

    [Fact]
    public async Task The_quota_endpoints_show_the_limit_and_consumption_which_starts_again_each_jst_month()
    {
        Assert.Equal("""{"type":"none"}""", (await SendAsync(HttpMethod.Get, "/v2/bot/message/quota")).Body!.ToJsonString());
        _host.Store.SetMonthlyQuota(LineTestHost.AccessToken, 10);
        await SendAsync(HttpMethod.Post, "/v2/bot/message/multicast", """{"to":["U1111","U2222"],"messages":[{"type":"text","text":"x"}]}""");

        Assert.Equal("""{"type":"limited","value":10}""", (await SendAsync(HttpMethod.Get, "/v2/bot/message/quota")).Body!.ToJsonString());
        Assert.Equal("""{"totalUsage":2}""", (await SendAsync(HttpMethod.Get, "/v2/bot/message/quota/consumption")).Body!.ToJsonString());

        // 2026-11-28 18:00 JST → 2026-11-30 23:59 JST is still November; 2026-12-01 00:00 JST is the next month.
        _host.StoreClock.Advance(new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.FromHours(9)) - LineTestHost.Now);
        Assert.Equal(2L, _host.Store.QuotaOf(LineTestHost.AccessToken).Used);
        _host.StoreClock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("""{"totalUsage":0}""", (await SendAsync(HttpMethod.Get, "/v2/bot/message/quota/consumption")).Body!.ToJsonString());
    }

    [Fact]
    public async Task A_users_rich_menu_is_404_until_linked()
    {
        var none = await SendAsync(HttpMethod.Get, "/v2/bot/user/U1111/richmenu");
        var link = await SendAsync(HttpMethod.Post, "/v2/bot/user/U1111/richmenu/richmenu-8f2c");
        var linked = await SendAsync(HttpMethod.Get, "/v2/bot/user/U1111/richmenu");
        var unlink = await SendAsync(HttpMethod.Delete, "/v2/bot/user/U1111/richmenu");
        var gone = await SendAsync(HttpMethod.Get, "/v2/bot/user/U1111/richmenu");
        var stranger = await SendAsync(HttpMethod.Post, "/v2/bot/user/U1111/richmenu/richmenu-8f2c", token: "nope");

        Assert.Equal(HttpStatusCode.NotFound, none.Status);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (link.Status, unlink.Status));
        Assert.Equal("""{"richMenuId":"richmenu-8f2c"}""", linked.Body!.ToJsonString());
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Unauthorized), (gone.Status, stranger.Status));
        Assert.Null(_host.Store.RichMenuOf("U1111"));
    }

    [Fact]
    public async Task Received_messages_are_copies_newest_last()
    {
        await SendAsync(HttpMethod.Post, "/v2/bot/message/push", Push("U1111", """[{"type":"text","text":"一通目"}]"""));
        _host.StoreClock.Advance(TimeSpan.FromMinutes(5));
        await SendAsync(HttpMethod.Post, "/v2/bot/message/push", Push("U1111", """[{"type":"text","text":"二通目"}]"""));

        var received = _host.Store.ReceivedBy("U1111");
        received[1].Messages[0]!["text"] = "changed by a page";

        Assert.Equal(["一通目", "二通目"], _host.Store.ReceivedBy("U1111").Select(r => r.Messages[0]!["text"]!.GetValue<string>()));
        Assert.Equal([LineTestHost.Now, LineTestHost.Now.AddMinutes(5)], received.Select(r => r.At));
        Assert.Empty(_host.Store.ReceivedBy("U9999"));
    }
}
