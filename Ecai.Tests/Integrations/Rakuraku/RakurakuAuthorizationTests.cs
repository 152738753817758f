using System.Net;
using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Rakuraku.Sandbox;

namespace Ecai.Tests.Integrations.Rakuraku;

/// <summary>OAuth 2 authorisation code against the sandbox: consent page, code exchange, refresh on expiry and on 401.</summary>
public sealed class RakurakuAuthorizationTests : IAsyncLifetime
{
    private RakurakuTestHost _host = null!;

    public async Task InitializeAsync() => _host = await RakurakuTestHost.StartAsync(customers: 100, orders: 300);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Authorize_url_is_the_documented_shape()
    {
        var url = _host.Factory.AuthorizeUrl(_host.Endpoint(null), "st/a+te=", RakurakuTestHost.RedirectUri);

        Assert.Equal(_host.Server.ApiBaseUrl + "/oauth/authorize.php", url.GetLeftPart(UriPartial.Path));
        Assert.Equal(new Dictionary<string, string>
        {
            ["client_id"] = _host.Store.Options.ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = RakurakuTestHost.RedirectUri,
            ["state"] = "st/a+te=",
        }, RakurakuTestHost.Query(url));
        Assert.StartsWith("client_id=", url.Query.TrimStart('?'));
    }

    [Fact]
    public async Task Consent_given_code_exchange_gives_tokens_that_pull()
    {
        var endpoint = _host.Endpoint(null);
        using var browser = RakurakuTestHost.Browser();

        var back = await RakurakuTestHost.DecideAsync(browser, _host.Factory.AuthorizeUrl(endpoint, "s1", RakurakuTestHost.RedirectUri), allow: true);

        Assert.Equal(RakurakuTestHost.RedirectUri, back.GetLeftPart(UriPartial.Path));
        var query = RakurakuTestHost.Query(back);
        Assert.Equal("s1", query["state"]);
        var token = await _host.Factory.ExchangeCodeAsync(endpoint, query["code"], RakurakuTestHost.RedirectUri, CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(token.AccessToken));
        Assert.False(string.IsNullOrEmpty(token.RefreshToken));
        Assert.True(token.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(50));
        Assert.Equal(1, _host.Store.CodeExchanges);
        var pages = await RakurakuTestHost.PullAllAsync(_host.Client(token).OrdersSinceAsync(null, CancellationToken.None));
        Assert.Equal(300, pages.Sum(p => p.Items.Count));

        // A code is single-use.
        var again = await Assert.ThrowsAsync<CartConnectionException>(() =>
            _host.Factory.ExchangeCodeAsync(endpoint, query["code"], RakurakuTestHost.RedirectUri, CancellationToken.None));
        Assert.Contains("認可コードが無効か期限切れです", again.Message);
    }

    [Fact]
    public async Task Consent_refused_redirects_with_access_denied_and_no_code()
    {
        using var browser = RakurakuTestHost.Browser();

        var back = await RakurakuTestHost.DecideAsync(browser, _host.Factory.AuthorizeUrl(_host.Endpoint(null), "s2", RakurakuTestHost.RedirectUri), allow: false);

        var query = RakurakuTestHost.Query(back);
        Assert.Equal("access_denied", query["error"]);
        Assert.Equal("s2", query["state"]);
        Assert.False(query.ContainsKey("code"));
    }

    [Fact]
    public async Task Consent_page_refuses_an_unregistered_redirect_url()
    {
        using var browser = RakurakuTestHost.Browser();
        var url = _host.Factory.AuthorizeUrl(_host.Endpoint(null), "s3", "https://evil.example.com/cb");

        using var response = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("リダイレクトURL", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_client_secret_on_exchange_is_a_japanese_credentials_error()
    {
        var code = _host.Store.Approve(RakurakuTestHost.RedirectUri);

        var error = await Assert.ThrowsAsync<CartConnectionException>(() =>
            _host.Factory.ExchangeCodeAsync(_host.Endpoint(null, clientSecret: "wrong"), code, RakurakuTestHost.RedirectUri, CancellationToken.None));

        Assert.Contains("クライアントIDまたはクライアントシークレットが正しくありません", error.Message);
    }

    [Fact]
    public async Task Expired_token_is_refreshed_before_the_first_call_and_saved()
    {
        var stale = _host.ApprovedToken() with { ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-5) };

        await _host.Client(stale).CheckAsync(CancellationToken.None);

        Assert.Equal(1, _host.Store.Refreshes);
        var saved = Assert.Single(_host.Tokens.Saved);
        Assert.NotEqual(stale.AccessToken, saved.AccessToken);
        Assert.NotEqual(stale.RefreshToken, saved.RefreshToken); // rotated
        Assert.Equal(1, _host.Store.Faults.ApiRequests); // no call was wasted on the stale token
    }

    [Fact]
    public async Task Token_rejected_with_401_is_refreshed_once_and_the_call_repeated()
    {
        var client = _host.Client();
        _host.Store.ExpireAccessTokens(); // the shop expired it earlier than the client thought

        var pages = await RakurakuTestHost.PullAllAsync(client.OrdersSinceAsync(null, CancellationToken.None));

        Assert.Equal(300, pages.Sum(p => p.Items.Count));
        Assert.Equal(1, _host.Store.Refreshes);
        Assert.Single(_host.Tokens.Saved);
        Assert.Equal(2, _host.Store.Faults.ApiRequests); // the 401 and its repeat
    }

    [Fact]
    public async Task Still_rejected_after_refresh_fails_in_japanese_after_one_refresh()
    {
        var client = _host.Client();
        _host.Store.Faults.RejectAllTokens = true;

        var error = await Assert.ThrowsAsync<CartConnectionException>(() => client.CheckAsync(CancellationToken.None));

        Assert.Contains("もう一度連携を許可してください", error.Message);
        Assert.Equal(1, _host.Store.Refreshes);
    }
}
