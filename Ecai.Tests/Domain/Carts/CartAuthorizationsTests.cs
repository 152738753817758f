using Ecai.Domain.Carts;
using Ecai.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Domain.Carts;

/// <summary>OAuth approval for 楽楽リピート-style carts: signed expiring state, code exchange, tokens stored encrypted.</summary>
public sealed class CartAuthorizationsTests : IAsyncLifetime
{
    private const string Redirect = "https://ecai.example/cartauth/callback";
    private DomainFixture _f = null!;
    private CartAuthorizations _auth = null!;
    private int _bot;
    private int _connection;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _auth = new CartAuthorizations(_f.Db, _f.Connections, [_f.Carts], new EphemeralDataProtectionProvider(), _f.Clock);
        _bot = await _f.AddBotAsync();
        _connection = await _f.ConnectAsync(_bot, CartKind.RakurakuRepeat);
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private async Task<string> StateAsync()
    {
        var url = await _auth.StartAsync(_bot, _connection, Redirect, CancellationToken.None);
        Assert.NotNull(url);
        return Uri.UnescapeDataString(url.Query.Split('&')[0]["?state=".Length..]);
    }

    [Fact]
    public async Task Approval_stores_the_tokens_and_the_connection_can_be_pulled()
    {
        var state = await StateAsync();
        _f.Carts.IssuedCodes.Add("code-1");

        var result = await _auth.CompleteAsync(state, "code-1", null, Redirect, CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(_bot, result.BotId);
        var endpoint = await _f.Connections.EndpointAsync(_connection, CancellationToken.None);
        Assert.Equal(("access-code-1", "refresh-code-1"), (endpoint!.Secrets.Token!.AccessToken, endpoint.Secrets.Token.RefreshToken));
        await using var db = _f.Db.CreateDbContext();
        var stored = await db.CartConnections.SingleAsync();
        Assert.Equal(ConnectionState.NeverPulled, stored.State);
        Assert.DoesNotContain("access-code-1", stored.ProtectedSecrets);
        Assert.Equal([_bot], await _f.Sync.BotsToPullAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task A_tampered_or_expired_state_or_a_refusal_changes_nothing()
    {
        var state = await StateAsync();
        _f.Carts.IssuedCodes.Add("code-2");

        Assert.False((await _auth.CompleteAsync(state + "x", "code-2", null, Redirect, CancellationToken.None)).Succeeded);
        var refused = await _auth.CompleteAsync(state, null, "access_denied", Redirect, CancellationToken.None);
        Assert.Equal("カート側でECAIとの連携が許可されませんでした。", refused.Message);
        _f.Clock.Advance(CartAuthorizations.StateLifetime + TimeSpan.FromSeconds(1));
        var expired = await _auth.CompleteAsync(state, "code-2", null, Redirect, CancellationToken.None);
        Assert.Contains("有効期限は15分", expired.Message);

        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(ConnectionState.AwaitingAuthorization, (await db.CartConnections.SingleAsync()).State);
    }

    [Fact]
    public async Task A_code_the_cart_rejects_is_reported_and_another_bot_cannot_start_approval()
    {
        var result = await _auth.CompleteAsync(await StateAsync(), "never-issued", null, Redirect, CancellationToken.None);

        Assert.Equal((false, "認可コードが無効です。"), (result.Succeeded, result.Message));
        Assert.Null(await _auth.StartAsync(await _f.AddBotAsync("別"), _connection, Redirect, CancellationToken.None));
    }

    [Fact]
    public async Task Tokens_the_cart_stops_accepting_send_the_connection_back_to_approval_with_the_reason()
    {
        _f.Carts.IssuedCodes.Add("code-3");
        await _auth.CompleteAsync(await StateAsync(), "code-3", null, Redirect, CancellationToken.None);
        _f.Carts.FailWith = new CartConnectionException("楽楽リピートとの連携が無効になりました。") { NeedsAuthorization = true };

        var result = await _f.PullAsync(_bot);

        Assert.Equal(["楽楽リピート: 楽楽リピートとの連携が無効になりました。"], result.Errors);
        await using (var db = _f.Db.CreateDbContext())
        {
            var stored = await db.CartConnections.SingleAsync();
            Assert.Equal((ConnectionState.AwaitingAuthorization, "楽楽リピートとの連携が無効になりました。"), (stored.State, stored.LastError));
        }
        Assert.Empty(await _f.Sync.BotsToPullAsync(null, CancellationToken.None));

        _f.Carts.IssuedCodes.Add("code-4");
        Assert.True((await _auth.CompleteAsync(await StateAsync(), "code-4", null, Redirect, CancellationToken.None)).Succeeded);
        await using (var db = _f.Db.CreateDbContext())
        {
            var stored = await db.CartConnections.SingleAsync();
            Assert.Equal((ConnectionState.NeverPulled, (string?)null), (stored.State, stored.LastError));
        }
    }
}
