using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ecai.Integrations.Line.Sandbox;

namespace Ecai.Tests.Integrations.Line;

/// <summary>The LINE sandbox's own wire shape, seen with a plain HttpClient: what LINE answers and how.</summary>
public sealed class LineSandboxTests : IAsyncLifetime
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

    private async Task<(HttpStatusCode Status, JsonElement Body)> VerifyAsync(string idToken, string clientId)
    {
        using var response = await _http.PostAsync("/oauth2/v2.1/verify",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["id_token"] = idToken, ["client_id"] = clientId }));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task An_id_token_is_a_signed_compact_jwt_whose_claims_verify_returns()
    {
        var token = _host.Store.IssueIdToken("U1111", LineTestHost.LoginChannelId, TimeSpan.FromMinutes(30));

        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Equal("HS256", JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement.GetProperty("alg").GetString());
        var (status, claims) = await VerifyAsync(token, LineTestHost.LoginChannelId);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("https://access.line.me", "U1111", LineTestHost.LoginChannelId, "山田 花子", "https://profile.line-scdn.net/u1111"),
            (claims.GetProperty("iss").GetString(), claims.GetProperty("sub").GetString(), claims.GetProperty("aud").GetString(),
             claims.GetProperty("name").GetString(), claims.GetProperty("picture").GetString()));
        Assert.Equal((LineTestHost.Now.AddMinutes(30).ToUnixTimeSeconds(), LineTestHost.Now.ToUnixTimeSeconds()),
            (claims.GetProperty("exp").GetInt64(), claims.GetProperty("iat").GetInt64()));
    }

    [Fact]
    public async Task Refused_tokens_get_lines_400_with_the_reason()
    {
        var token = _host.Store.IssueIdToken("U1111", LineTestHost.LoginChannelId, TimeSpan.FromMinutes(30));

        var audience = await VerifyAsync(token, "1659999999");
        var garbage = await VerifyAsync("a.b.c", LineTestHost.LoginChannelId);
        _host.StoreClock.Advance(TimeSpan.FromMinutes(30));
        var expired = await VerifyAsync(token, LineTestHost.LoginChannelId);

        Assert.All(new[] { audience, garbage, expired }, r =>
            Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), (r.Status, r.Body.GetProperty("error").GetString())));
        Assert.Equal(["Invalid IdToken audience.", "Invalid IdToken.", "IdToken expired."],
            new[] { audience, garbage, expired }.Select(r => r.Body.GetProperty("error_description").GetString()));
    }

    [Fact]
    public void Only_friends_get_id_tokens()
    {
        Assert.Throws<ArgumentException>(() => _host.Store.IssueIdToken("U9999", LineTestHost.LoginChannelId, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task The_profile_needs_an_accepted_bearer_token_and_a_friend()
    {
        async Task<(HttpStatusCode, string)> GetAsync(string? token, string userId)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/bot/profile/{userId}");
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await _http.SendAsync(request);
            Assert.True(response.Headers.Contains("X-Line-Request-Id"));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var (okStatus, ok) = await GetAsync(LineTestHost.AccessToken, "U2222");
        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.Equal("""{"userId":"U2222","displayName":"佐藤 一郎"}""", ok);
        var (missing, missingBody) = await GetAsync(null, "U2222");
        var (wrong, wrongBody) = await GetAsync("nope", "U2222");
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (missing, wrong));
        Assert.StartsWith("Authentication failed.", JsonDocument.Parse(wrongBody).RootElement.GetProperty("message").GetString());
        Assert.Equal(missingBody, wrongBody);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(LineTestHost.AccessToken, "U9999")).Item1);
    }
}
