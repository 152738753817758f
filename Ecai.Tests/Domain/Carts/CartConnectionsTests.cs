using Microsoft.AspNetCore.DataProtection;
using Ecai.Domain.Carts;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Domain.Carts;

public sealed class CartConnectionsTests : IAsyncLifetime
{
    private DomainFixture _f = null!;
    private int _bot;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _bot = await _f.AddBotAsync();
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private Task<ConnectResult> Connect(int bot, string? domain = "http://www.shop.example.jp/admin/", string? email = "ops@example.jp",
        string? password = "p@ss-word", string? api = "api.example.jp") =>
        _f.Connections.ConnectAsync(bot, ConnectRequest.Ecforce(domain, email, password, api), CancellationToken.None);

    [Fact]
    public async Task Empty_and_malformed_fields_get_japanese_messages_and_nothing_is_saved()
    {
        var result = await Connect(_bot, domain: "", email: "not-an-address", password: "", api: "http://");

        Assert.False(result.Succeeded);
        Assert.Equal("カートドメインを入力してください。", result.Errors[nameof(ConnectRequest.CartDomain)]);
        Assert.Equal("メールアドレスの形式が正しくありません。", result.Errors[CartSpec.LoginEmail]);
        Assert.Equal("ログインパスワードを入力してください。", result.Errors[CartSpec.Password]);
        Assert.Equal("APIドメインの形式が正しくありません(例: api.example.jp)。", result.Errors[nameof(ConnectRequest.ApiDomain)]);
        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(0, await db.CartConnections.CountAsync());
    }

    [Fact]
    public async Task The_domain_is_normalised_and_the_secrets_are_stored_encrypted()
    {
        var result = await Connect(_bot);

        Assert.True(result.Succeeded);
        await using var db = _f.Db.CreateDbContext();
        var stored = await db.CartConnections.SingleAsync();
        Assert.Equal("shop.example.jp", stored.CartDomain);
        Assert.Equal("https://api.example.jp", stored.ApiBaseUrl);
        Assert.DoesNotContain("p@ss-word", stored.ProtectedSecrets);
        Assert.DoesNotContain("ops@example.jp", stored.ProtectedSecrets);
        var endpoint = await _f.Connections.EndpointAsync(stored.Id, CancellationToken.None);
        Assert.Equal(("ops@example.jp", "p@ss-word"), (endpoint!.Secrets[CartSpec.LoginEmail], endpoint.Secrets[CartSpec.Password]));
        Assert.DoesNotContain("p@ss-word", endpoint.Secrets.ToString());
    }

    [Fact]
    public async Task A_token_saved_by_the_connector_is_reused_and_stays_encrypted()
    {
        var id = (await Connect(_bot)).ConnectionId!.Value;

        await _f.Connections.SaveTokenAsync(id, new CartToken("tok-123456"), CancellationToken.None);

        Assert.Equal("tok-123456", (await _f.Connections.EndpointAsync(id, CancellationToken.None))!.Secrets.Token?.AccessToken);
        await using var db = _f.Db.CreateDbContext();
        Assert.DoesNotContain("tok-123456", (await db.CartConnections.SingleAsync()).ProtectedSecrets);
    }

    [Fact]
    public async Task A_second_cart_of_the_same_system_on_one_bot_is_refused()
    {
        await Connect(_bot);

        var second = await Connect(_bot, domain: "other.example.jp");

        Assert.False(second.Succeeded);
        Assert.Contains("同じカートシステムは1つのBOTに1つまで", second.Errors[nameof(ConnectRequest.Kind)]);
    }

    [Fact]
    public async Task The_same_cart_on_another_bot_is_allowed_with_a_warning()
    {
        await Connect(_bot);
        var other = await _f.AddBotAsync("別アカウント");

        var result = await Connect(other, domain: "https://shop.example.jp/");

        Assert.True(result.Succeeded);
        Assert.Contains("別のBOT「テストショップ」", result.Warning);
    }

    [Fact]
    public async Task Secrets_saved_by_the_first_build_are_still_read()
    {
        var id = (await Connect(_bot)).ConnectionId!.Value;
        var legacy = _f.Protection.CreateProtector("Ecai.Carts.Secrets.v1").Protect("""{"LoginEmail":"old@example.jp","Password":"old-pass","Token":"tok-old"}""");
        await using (var db = _f.Db.CreateDbContext())
            await db.CartConnections.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ProtectedSecrets, legacy));

        var endpoint = await _f.Connections.EndpointAsync(id, CancellationToken.None);

        Assert.Equal(("old@example.jp", "old-pass", "tok-old"),
            (endpoint!.Secrets[CartSpec.LoginEmail], endpoint.Secrets[CartSpec.Password], endpoint.Secrets.Token?.AccessToken));
    }
}
