using System.Net;
using System.Text.Json.Nodes;
using Ecai.Domain.Line;

namespace Ecai.Tests.Integrations.Line;

/// <summary>ILineMessenger (the real client, its send pipeline) against the LINE sandbox over HTTP on 127.0.0.1.</summary>
public sealed class LineMessengerTests : IAsyncLifetime
{
    private const string Token = LineTestHost.AccessToken;
    private LineTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LineTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static JsonArray Text(string text) => [new JsonObject { ["type"] = "text", ["text"] = text }];

    private Task<PushResult> PushAsync(string to, Guid key, string text = "こんにちは") =>
        _host.Messenger.PushAsync(Token, to, Text(text), key, CancellationToken.None);

    [Fact]
    public async Task A_push_is_sent_and_the_sandbox_records_it_for_the_user()
    {
        var messages = new JsonArray(
            new JsonObject { ["type"] = "text", ["text"] = "山田 花子さん、ご購入ありがとうございます" },
            new JsonObject { ["type"] = "image", ["originalContentUrl"] = "https://example.com/a.jpg", ["previewImageUrl"] = "https://example.com/a-s.jpg" });

        var result = await _host.Messenger.PushAsync(Token, "U1111", messages, Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(PushResult.Sent, result);
        var received = Assert.Single(_host.Store.ReceivedBy("U1111"));
        Assert.True(JsonNode.DeepEquals(messages, received.Messages));
        Assert.Equal((2, LineTestHost.Now), (received.Count, received.At));
        Assert.True(Guid.TryParse(received.RequestId, out _));
        Assert.Equal((1L, 0), (_host.Store.TotalReceived, _host.Store.ReceivedCount("U2222")));
    }

    [Fact]
    public async Task The_same_retry_key_twice_is_sent_both_times_and_recorded_once()
    {
        var key = Guid.NewGuid();

        var first = await PushAsync("U1111", key);
        var again = await PushAsync("U1111", key);

        Assert.Equal((PushResult.Sent, PushResult.Sent), (first, again));
        Assert.Equal(1, _host.Store.ReceivedCount("U1111"));
        Assert.Equal(2L, _host.Store.Requests);
    }

    [Fact]
    public async Task A_server_error_before_handling_is_retried_and_one_message_arrives()
    {
        _host.Store.Next500(1);

        Assert.Equal(PushResult.Sent, await PushAsync("U1111", Guid.NewGuid()));

        Assert.Equal((1, 1, 2L), (_host.Store.Served500, _host.Store.ReceivedCount("U1111"), _host.Store.Requests));
    }

    [Fact]
    public async Task A_500_after_line_accepted_is_retried_with_the_same_key_and_the_409_counts_as_sent()
    {
        _host.Store.NextAcceptedThen500(1);

        var result = await PushAsync("U1111", Guid.NewGuid());

        Assert.Equal(PushResult.Sent, result);
        Assert.Equal(1, _host.Store.ReceivedCount("U1111"));
        Assert.Equal(2L, _host.Store.Requests); // the accepted attempt, then the retry answered 409
    }

    [Fact]
    public async Task Server_errors_that_do_not_stop_are_unavailable_after_the_retries()
    {
        _host.Store.Next500(100);

        var result = await PushAsync("U1111", Guid.NewGuid());

        Assert.Equal(PushOutcome.Unavailable, result.Outcome);
        Assert.Equal("HTTP 500", result.Error);
        Assert.Equal(4L, _host.Store.Requests); // the first attempt and three retries
        Assert.Equal(0, _host.Store.ReceivedCount("U1111"));
    }

    [Fact]
    public async Task A_rate_limit_429_is_retried_then_sent()
    {
        _host.Store.Next429(1);

        Assert.Equal(PushResult.Sent, await PushAsync("U1111", Guid.NewGuid()));

        Assert.Equal((2L, 1), (_host.Store.Requests, _host.Store.ReceivedCount("U1111")));
    }

    [Fact]
    public async Task A_rate_limit_that_lasts_is_rate_limited_with_lines_message()
    {
        _host.Store.Next429(100);

        var result = await PushAsync("U1111", Guid.NewGuid());

        Assert.Equal(new PushResult(PushOutcome.RateLimited, "HTTP 429: Too many requests"), result);
        Assert.Equal(4L, _host.Store.Requests);
    }

    [Fact]
    public async Task An_exhausted_monthly_quota_is_quota_exceeded_at_once_and_nothing_is_recorded()
    {
        _host.Store.SetMonthlyQuota(Token, 1);
        Assert.Equal(PushResult.Sent, await PushAsync("U1111", Guid.NewGuid()));

        var result = await PushAsync("U2222", Guid.NewGuid());

        Assert.Equal(new PushResult(PushOutcome.QuotaExceeded, "HTTP 429: You have reached your monthly limit."), result);
        Assert.Equal(2L, _host.Store.Requests); // not retried
        Assert.Equal((1L, 0), (_host.Store.TotalReceived, _host.Store.ReceivedCount("U2222")));
    }

    [Fact]
    public async Task A_key_refused_for_the_quota_is_not_remembered_so_it_sends_once_the_quota_allows()
    {
        var key = Guid.NewGuid();
        _host.Store.SetMonthlyQuota(Token, 0);
        Assert.Equal(PushOutcome.QuotaExceeded, (await PushAsync("U1111", key)).Outcome);

        _host.Store.SetMonthlyQuota(Token, null);

        Assert.Equal(PushResult.Sent, await PushAsync("U1111", key));
        Assert.Equal(1, _host.Store.ReceivedCount("U1111"));
    }

    [Fact]
    public async Task A_multicast_to_500_users_reaches_each_of_them_and_501_is_refused()
    {
        var users = Enumerable.Range(0, 500).Select(i => $"U{i:x32}").ToArray();

        var sent = await _host.Messenger.MulticastAsync(Token, users, Text("セールのお知らせ"), Guid.NewGuid(), CancellationToken.None);
        var tooMany = await _host.Messenger.MulticastAsync(Token, [.. users, "U-one-more"], Text("セールのお知らせ"), Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(PushResult.Sent, sent);
        Assert.All(users, u => Assert.Equal("セールのお知らせ", Assert.Single(_host.Store.ReceivedBy(u)).Messages[0]!["text"]!.GetValue<string>()));
        Assert.Equal(500L, _host.Store.TotalReceived);
        Assert.Equal(new PushResult(PushOutcome.Refused, "HTTP 400: The request body has 1 error(s) (to: Size must be between 1 and 500)"), tooMany);
        Assert.Equal(0, _host.Store.ReceivedCount("U-one-more"));
    }

    [Fact]
    public async Task A_wrong_token_is_refused_once_and_the_error_does_not_repeat_it()
    {
        var result = await _host.Messenger.PushAsync("stolen-or-revoked-token", "U1111", Text("x"), Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(PushOutcome.Refused, result.Outcome);
        Assert.StartsWith("HTTP 401: Authentication failed.", result.Error);
        Assert.DoesNotContain("stolen-or-revoked-token", result.Error);
        Assert.Equal((1L, 0L), (_host.Store.Requests, _host.Store.TotalReceived));
    }

    [Fact]
    public async Task A_message_line_would_reject_is_refused_with_the_property_at_fault()
    {
        JsonArray messages = [new JsonObject { ["type"] = "text", ["text"] = "" }, new JsonObject { ["type"] = "sticker" }];

        var result = await _host.Messenger.PushAsync(Token, "U1111", messages, Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(new PushResult(PushOutcome.Refused,
            "HTTP 400: The request body has 2 error(s) (messages[0].text: must be specified; messages[1].type: must be one of text, image, flex)"), result);
        Assert.Equal(0L, _host.Store.TotalReceived);
    }

    [Fact]
    public async Task A_rich_menu_is_linked_and_unlinked_per_user()
    {
        Assert.True(await _host.Messenger.LinkRichMenuAsync(Token, "U1111", "richmenu-aaa", CancellationToken.None));
        Assert.Equal(("richmenu-aaa", null), (_host.Store.RichMenuOf("U1111"), _host.Store.RichMenuOf("U2222")));

        Assert.True(await _host.Messenger.LinkRichMenuAsync(Token, "U1111", "richmenu-bbb", CancellationToken.None));
        Assert.Equal("richmenu-bbb", _host.Store.RichMenuOf("U1111"));

        Assert.True(await _host.Messenger.UnlinkRichMenuAsync(Token, "U1111", CancellationToken.None));
        Assert.Null(_host.Store.RichMenuOf("U1111"));
        Assert.False(await _host.Messenger.LinkRichMenuAsync("wrong-token", "U1111", "richmenu-aaa", CancellationToken.None));
        Assert.Null(_host.Store.RichMenuOf("U1111"));
    }

    [Fact]
    public async Task The_quota_is_none_until_set_and_consumption_counts_each_recipient()
    {
        Assert.Equal(new LineQuota(null, 0), await _host.Messenger.QuotaAsync(Token, CancellationToken.None));

        _host.Store.SetMonthlyQuota(Token, 1_000);
        await PushAsync("U1111", Guid.NewGuid());
        await _host.Messenger.MulticastAsync(Token, ["U1111", "U2222", "U3333"],
            [new JsonObject { ["type"] = "text", ["text"] = "1" }, new JsonObject { ["type"] = "text", ["text"] = "2" }], Guid.NewGuid(), CancellationToken.None);

        var quota = await _host.Messenger.QuotaAsync(Token, CancellationToken.None);
        Assert.Equal(new LineQuota(1_000, 4), quota);
        Assert.Equal(996L, quota.Remaining);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _host.Messenger.QuotaAsync("wrong-token", CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task More_than_2000_pushes_in_one_sandbox_second_are_rate_limited_until_the_next_second()
    {
        using var gate = new SemaphoreSlim(32);
        var pushes = Enumerable.Range(0, 2_001).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                return await PushAsync($"U{i:x32}", Guid.NewGuid(), "x");
            }
            finally
            {
                gate.Release();
            }
        });

        var results = await Task.WhenAll(pushes);

        // The sandbox clock stands still, so the retries of the one over the limit stay in the same second.
        Assert.Equal(2_000, results.Count(r => r == PushResult.Sent));
        Assert.Equal(PushOutcome.RateLimited, Assert.Single(results, r => r != PushResult.Sent).Outcome);
        Assert.Equal(2_000L, _host.Store.TotalReceived);

        _host.StoreClock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(PushResult.Sent, await PushAsync("U1111", Guid.NewGuid()));
    }
}
