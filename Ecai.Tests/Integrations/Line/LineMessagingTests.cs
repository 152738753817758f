using System.Net;
using Ecai.Domain.Line;
using Ecai.Integrations.Line;
using Ecai.Integrations.Line.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Tests.Integrations.Line;

/// <summary>ILineMessaging.GetProfileAsync against the LINE sandbox over HTTP, and re-pointing the client at run time.</summary>
public sealed class LineMessagingTests : IAsyncLifetime
{
    private LineTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LineTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_profile_comes_with_the_accepted_channel_access_token()
    {
        var profile = await _host.Messaging.GetProfileAsync(LineTestHost.AccessToken, "U1111", CancellationToken.None);

        Assert.Equal(new LineProfile("U1111", "山田 花子", "https://profile.line-scdn.net/u1111"), profile);
    }

    [Fact]
    public async Task A_user_line_does_not_know_for_the_bot_is_null()
    {
        Assert.Null(await _host.Messaging.GetProfileAsync(LineTestHost.AccessToken, "U9999", CancellationToken.None));
    }

    [Fact]
    public async Task A_wrong_access_token_is_a_401_error_that_does_not_repeat_the_token()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            _host.Messaging.GetProfileAsync("stolen-or-revoked-token", "U1111", CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.DoesNotContain("stolen-or-revoked-token", error.Message);
        Assert.Equal(1L, _host.Store.Requests); // a refusal is not retried
    }

    [Fact]
    public async Task Server_errors_are_retried_then_reported()
    {
        _host.Store.Next500(1);
        Assert.Equal("佐藤 一郎", (await _host.Messaging.GetProfileAsync(LineTestHost.AccessToken, "U2222", CancellationToken.None))?.DisplayName);

        _host.Store.Next500(100);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            _host.Messaging.GetProfileAsync(LineTestHost.AccessToken, "U2222", CancellationToken.None));
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
    }

    [Fact]
    public async Task The_endpoint_can_be_re_pointed_at_run_time_to_a_sandbox_under_a_path_prefix()
    {
        var store = new LineSandboxStore(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(LineTestHost.Now));
        store.AcceptAccessToken("demo-token");
        store.AddFriend("U3333", "デモ 太郎");
        await using var demo = await SandboxServer<LineSandboxStore>.StartAsync(store, app => LineSandbox.Map(app, "/sandbox/line/", store));
        var endpoint = _host.Services.GetRequiredService<LineEndpoint>();

        endpoint.BaseUrl = new Uri(demo.BaseUrl + "/sandbox/line/");
        var profile = await _host.Messaging.GetProfileAsync("demo-token", "U3333", CancellationToken.None);
        var check = await _host.Login.VerifyIdTokenAsync(store.IssueIdToken("U3333", "1650000000", TimeSpan.FromMinutes(5)), "1650000000", CancellationToken.None);

        Assert.Equal("デモ 太郎", profile?.DisplayName);
        Assert.Equal("U3333", check.Identity?.UserId);
        Assert.Equal(0L, _host.Store.Requests);
    }
}
