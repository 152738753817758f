using System.Buffers.Text;
using System.Net;
using System.Text;
using Ecai.Domain.Line;
using Ecai.Integrations.Line;
using Ecai.Integrations.Line.Sandbox;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Time.Testing;

namespace Ecai.Tests.Integrations.Line;

/// <summary>ILineLogin.VerifyIdTokenAsync against the LINE sandbox over HTTP: LINE's refusals, our own checks, LINE unreachable.</summary>
public sealed class LineLoginTests : IAsyncLifetime
{
    private LineTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LineTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Token(string userId = "U1111", string channel = LineTestHost.LoginChannelId) =>
        _host.Store.IssueIdToken(userId, channel, TimeSpan.FromHours(1));

    private Task<IdTokenCheck> VerifyAsync(string token, string channel = LineTestHost.LoginChannelId) =>
        _host.Login.VerifyIdTokenAsync(token, channel, CancellationToken.None);

    [Fact]
    public async Task A_valid_token_gives_the_friends_user_id_name_and_picture()
    {
        var check = await VerifyAsync(Token());

        Assert.Equal(IdTokenCheck.Valid(new LineIdentity("U1111", "山田 花子", "https://profile.line-scdn.net/u1111")), check);
        Assert.Equal(IdTokenCheck.Valid(new LineIdentity("U2222", "佐藤 一郎", null)), await VerifyAsync(Token("U2222")));
    }

    [Fact]
    public async Task A_token_is_invalid_once_line_sees_it_expired()
    {
        var token = Token();
        _host.StoreClock.Advance(TimeSpan.FromMinutes(61));

        Assert.Equal(IdTokenCheck.Refused(IdTokenFailure.Invalid), await VerifyAsync(token));
    }

    [Fact]
    public async Task The_client_also_refuses_a_token_its_own_clock_sees_expired()
    {
        var token = Token();
        _host.ClientClock.Advance(TimeSpan.FromMinutes(61)); // LINE's clock still says it is valid

        Assert.Equal(IdTokenCheck.Refused(IdTokenFailure.Invalid), await VerifyAsync(token));
    }

    [Fact]
    public async Task A_token_issued_for_another_login_channel_is_invalid()
    {
        Assert.Equal(IdTokenCheck.Refused(IdTokenFailure.Invalid), await VerifyAsync(Token(channel: "1659999999")));
    }

    [Fact]
    public async Task A_tampered_payload_or_signature_or_a_non_token_is_invalid()
    {
        var parts = Token().Split('.');
        var otherPayload = Token("U2222").Split('.')[1];
        var signature = Base64Url.DecodeFromChars(parts[2]);
        signature[0] ^= 0xFF;

        Assert.Equal(IdTokenFailure.Invalid, (await VerifyAsync($"{parts[0]}.{otherPayload}.{parts[2]}")).Failure);
        Assert.Equal(IdTokenFailure.Invalid, (await VerifyAsync($"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(signature)}")).Failure);
        Assert.Equal(IdTokenFailure.Invalid, (await VerifyAsync("not-a-token")).Failure);
        Assert.Equal(IdTokenFailure.Invalid, (await VerifyAsync(" ")).Failure);
    }

    [Fact]
    public async Task A_single_server_error_is_retried()
    {
        _host.Store.Next500(1);

        var check = await VerifyAsync(Token());

        Assert.Equal("U1111", check.Identity?.UserId);
        Assert.Equal((1, 2L), (_host.Store.Served500, _host.Store.Requests));
    }

    [Fact]
    public async Task Server_errors_after_the_retries_are_unavailable()
    {
        _host.Store.Next500(100);

        Assert.Equal(IdTokenCheck.Refused(IdTokenFailure.Unavailable), await VerifyAsync(Token()));
        Assert.Equal(3, _host.Store.Served500); // the first attempt and two retries
    }

    [Fact]
    public async Task Line_down_is_unavailable()
    {
        var token = Token();
        var deadUrl = _host.Server.BaseUrl;
        await _host.Server.DisposeAsync();
        await using var services = LineTestHost.Container(deadUrl);

        var check = await LineTestHost.Client(services, _host.ClientClock).VerifyIdTokenAsync(token, LineTestHost.LoginChannelId, CancellationToken.None);

        Assert.Equal(IdTokenCheck.Refused(IdTokenFailure.Unavailable), check);
    }

    [Fact]
    public async Task A_200_whose_audience_is_another_channel_or_without_a_user_is_invalid()
    {
        var exp = LineTestHost.Now.AddHours(1).ToUnixTimeSeconds();
        string? body = null;
        await using var services = LineTestHost.Container("https://api.line.me", s =>
            s.AddHttpClient(LineSetup.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new StubHandler(() => body!)));
        var login = LineTestHost.Client(services, _host.ClientClock);

        body = $$"""{"iss":"https://access.line.me","sub":"U1111","aud":"1659999999","exp":{{exp}},"iat":0,"name":"x"}""";
        Assert.Equal(IdTokenFailure.Invalid, (await login.VerifyIdTokenAsync("t", LineTestHost.LoginChannelId, CancellationToken.None)).Failure);
        body = $$"""{"iss":"https://access.line.me","aud":"{{LineTestHost.LoginChannelId}}","exp":{{exp}},"iat":0}""";
        Assert.Equal(IdTokenFailure.Invalid, (await login.VerifyIdTokenAsync("t", LineTestHost.LoginChannelId, CancellationToken.None)).Failure);
        body = $$"""{"iss":"https://access.line.me","sub":"U1111","aud":"{{LineTestHost.LoginChannelId}}","exp":{{exp}},"iat":0}""";
        Assert.Equal(IdTokenCheck.Valid(new LineIdentity("U1111", null, null)),
            await login.VerifyIdTokenAsync("t", LineTestHost.LoginChannelId, CancellationToken.None));
    }

    /// <summary>Answers every request with 200 and the given JSON, in place of the socket.</summary>
    private sealed class StubHandler(Func<string> body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body(), Encoding.UTF8, "application/json") });
    }
}
