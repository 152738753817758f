using Ecai.Domain.Carts;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Domain.Carts;

/// <summary>Connecting each of the six carts with the fields its spec asks for.</summary>
public sealed class CartSpecConnectTests : IAsyncLifetime
{
    private DomainFixture _f = null!;
    private int _bot;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _bot = await _f.AddBotAsync();
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private DateOnly Today => DateOnly.FromDateTime(_f.Clock.GetUtcNow().UtcDateTime);

    private static Dictionary<string, string?> Filled(CartKind kind) =>
        CartSpec.Of(kind).Fields.ToDictionary(f => f.Key, f => (string?)(f.Type == CartFieldType.Email ? "ops@example.jp" : "value-" + f.Key));

    private Task<ConnectResult> ConnectAsync(CartKind kind, Dictionary<string, string?>? fields = null, DateOnly? license = null,
        bool birthday = false, bool lineId = false, int interval = 60) =>
        _f.Connections.ConnectAsync(_bot, new ConnectRequest(kind, kind == CartKind.RakutenRms ? "https://www.rakuten.co.jp/shop/" : "shop.example.jp", fields ?? Filled(kind), "api.example.jp", birthday, lineId,
            license ?? Today.AddDays(80), null, interval), CancellationToken.None);

    [Theory]
    [InlineData(CartKind.Ecforce)]
    [InlineData(CartKind.Shopify)]
    [InlineData(CartKind.RakutenRms)]
    [InlineData(CartKind.RakurakuRepeat)]
    [InlineData(CartKind.Repeatst)]
    [InlineData(CartKind.SubscStore)]
    public async Task Each_cart_asks_for_its_own_credentials_in_japanese_and_saves_nothing_without_them(CartKind kind)
    {
        var result = await ConnectAsync(kind, fields: []);

        Assert.False(result.Succeeded);
        foreach (var field in CartSpec.Of(kind).Fields)
            Assert.Equal($"{field.Label}を入力してください。", result.Errors[field.Key]);
        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(0, await db.CartConnections.CountAsync());
    }

    [Theory]
    [InlineData(CartKind.Shopify, "https://shop.example.jp")]
    [InlineData(CartKind.RakutenRms, "https://api.rms.rakuten.co.jp")]
    [InlineData(CartKind.RakurakuRepeat, "https://shop.example.jp/api")]
    [InlineData(CartKind.Repeatst, "https://shop.example.jp")]
    public async Task Carts_without_an_api_domain_field_derive_their_api_address(CartKind kind, string expected)
    {
        var result = await ConnectAsync(kind);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        var endpoint = await _f.Connections.EndpointAsync(result.ConnectionId!.Value, CancellationToken.None);
        Assert.Equal(expected, endpoint!.ApiBaseUrl);
        Assert.Equal(Filled(kind).Values, CartSpec.Of(kind).Fields.Select(f => (string?)endpoint.Secrets[f.Key]));
    }

    [Fact]
    public async Task Rakuten_needs_a_licence_expiry_date_that_has_not_passed()
    {
        var past = await ConnectAsync(CartKind.RakutenRms, license: Today.AddDays(-1));
        Assert.Equal("licenseKeyの有効期限が過ぎています。RMSで新しいlicenseKeyを発行してください。", past.Errors[nameof(ConnectRequest.LicenseExpiresOn)]);

        var ok = await ConnectAsync(CartKind.RakutenRms, license: Today.AddDays(90));
        Assert.True(ok.Succeeded);
        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(Today.AddDays(90), (await db.CartConnections.SingleAsync()).LicenseExpiresOn);
    }

    [Fact]
    public async Task Options_a_cart_does_not_support_stay_off()
    {
        var shopify = await ConnectAsync(CartKind.Shopify, birthday: true, lineId: true);

        await using var db = _f.Db.CreateDbContext();
        var stored = await db.CartConnections.SingleAsync(c => c.Id == shopify.ConnectionId);
        Assert.Equal((false, false, (DateOnly?)null), (stored.BirthdaySync, stored.LineIdLinking, stored.LicenseExpiresOn));
    }

    [Fact]
    public async Task An_unknown_pull_interval_is_refused()
    {
        var result = await ConnectAsync(CartKind.Repeatst, interval: 7);

        Assert.Equal("連携頻度を選んでください。", result.Errors[nameof(ConnectRequest.PullIntervalMinutes)]);
    }

    [Fact]
    public async Task An_oauth_cart_waits_for_approval_and_is_never_pulled_until_then()
    {
        var result = await ConnectAsync(CartKind.RakurakuRepeat);

        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(ConnectionState.AwaitingAuthorization, (await db.CartConnections.SingleAsync()).State);
        Assert.Empty(await _f.Sync.BotsToPullAsync(null, CancellationToken.None));
        Assert.Empty(await _f.Sync.BotsToPullAsync(_bot, CancellationToken.None));
        var test = await _f.Connections.TestAsync(_bot, result.ConnectionId!.Value, CancellationToken.None);
        Assert.False(test.Succeeded);
    }

    [Fact]
    public async Task Connection_test_checks_the_form_then_asks_the_cart_and_saves_nothing()
    {
        var invalid = await _f.Connections.TestAsync(new ConnectRequest(CartKind.Repeatst, "", new Dictionary<string, string?>()), CancellationToken.None);
        Assert.False(invalid.Succeeded);
        Assert.Contains(CartSpec.AccessToken, invalid.Errors.Keys);

        var ok = await _f.Connections.TestAsync(new ConnectRequest(CartKind.Repeatst, "shop.example.jp", Filled(CartKind.Repeatst)), CancellationToken.None);
        Assert.Equal((true, "リピストに接続できました。"), (ok.Succeeded, ok.Message));
        Assert.Equal("value-access_token", _f.Carts.Endpoints[^1].Secrets[CartSpec.AccessToken]);

        _f.Carts.CheckFailure = new CartConnectionException("アクセストークンが正しくありません。");
        var refused = await _f.Connections.TestAsync(new ConnectRequest(CartKind.Repeatst, "shop.example.jp", Filled(CartKind.Repeatst)), CancellationToken.None);
        Assert.Equal((false, "アクセストークンが正しくありません。"), (refused.Succeeded, refused.Message));

        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(0, await db.CartConnections.CountAsync());
    }

    [Fact]
    public async Task Updating_credentials_keeps_blank_fields_drops_the_old_token_and_renews_the_licence_date()
    {
        var id = (await ConnectAsync(CartKind.RakutenRms, license: Today.AddDays(3))).ConnectionId!.Value;
        await _f.Connections.SaveTokenAsync(id, new CartToken("old"), CancellationToken.None);

        var result = await _f.Connections.UpdateCredentialsAsync(_bot, id,
            new Dictionary<string, string?> { [CartSpec.LicenseKey] = "new-licence", [CartSpec.ServiceSecret] = " " }, Today.AddDays(90),
            await _f.ConnectionVersionAsync(id), CancellationToken.None);

        Assert.True(result.Succeeded);
        var endpoint = await _f.Connections.EndpointAsync(id, CancellationToken.None);
        Assert.Equal(("value-service_secret", "new-licence"), (endpoint!.Secrets[CartSpec.ServiceSecret], endpoint.Secrets[CartSpec.LicenseKey]));
        Assert.Null(endpoint.Secrets.Token);
        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(Today.AddDays(90), (await db.CartConnections.SingleAsync()).LicenseExpiresOn);

        var past = await _f.Connections.UpdateCredentialsAsync(_bot, id, new Dictionary<string, string?>(), Today.AddDays(-2),
            await _f.ConnectionVersionAsync(id), CancellationToken.None);
        Assert.Contains(nameof(ConnectRequest.LicenseExpiresOn), past.Errors.Keys);
    }

    [Fact]
    public async Task Another_bot_cannot_change_a_connection()
    {
        var id = (await ConnectAsync(CartKind.Repeatst)).ConnectionId!.Value;
        var other = await _f.AddBotAsync("別ショップ");

        var version = await _f.ConnectionVersionAsync(id);
        Assert.Equal([CartConnections.NotFound],
            (await _f.Connections.UpdateOptionsAsync(other, id, new ConnectionOptions(true, false, 15, null), version, CancellationToken.None)).Errors.Values);
        Assert.Equal([CartConnections.NotFound], (await _f.Connections.UpdateCredentialsAsync(other, id,
            new Dictionary<string, string?> { [CartSpec.AccessToken] = "stolen" }, null, version, CancellationToken.None)).Errors.Values);
        Assert.Equal("value-access_token", (await _f.Connections.EndpointAsync(id, CancellationToken.None))!.Secrets[CartSpec.AccessToken]);
    }

    [Fact]
    public async Task Options_or_credentials_saved_from_a_screen_shown_before_another_operator_changed_them_are_refused_with_the_fresh_connection()
    {
        var id = (await ConnectAsync(CartKind.RakutenRms, license: Today.AddDays(3), interval: 60)).ConnectionId!.Value;
        var first = (await _f.Connections.ListAsync(_bot, CancellationToken.None)).Single(); // operator A's 外部連携
        var second = (await _f.Connections.ListAsync(_bot, CancellationToken.None)).Single(); // operator B's
        Assert.True((await _f.Connections.UpdateCredentialsAsync(_bot, id, new Dictionary<string, string?> { [CartSpec.LicenseKey] = "renewed" },
            Today.AddDays(90), first.Version, CancellationToken.None)).Succeeded);

        var options = await _f.Connections.UpdateOptionsAsync(_bot, id, second.Options with { PullIntervalMinutes = 15 }, second.Version, CancellationToken.None);
        var credentials = await _f.Connections.UpdateCredentialsAsync(_bot, id, new Dictionary<string, string?> { [CartSpec.LicenseKey] = "older" },
            Today.AddDays(30), second.Version, CancellationToken.None);

        Assert.Equal((false, true), (options.Succeeded, options.IsStale));
        Assert.Equal((false, true), (credentials.Succeeded, credentials.IsStale));
        Assert.Empty(credentials.Errors);
        Assert.Equal((Today.AddDays(90), 60, first.Version + 1), (credentials.Fresh!.LicenseExpiresOn, credentials.Fresh.PullIntervalMinutes, credentials.Fresh.Version));
        Assert.Equal("renewed", (await _f.Connections.EndpointAsync(id, CancellationToken.None))!.Secrets[CartSpec.LicenseKey]);
        await using var db = _f.Db.CreateDbContext();
        var stored = await db.CartConnections.SingleAsync();
        Assert.Equal((Today.AddDays(90), 60), (stored.LicenseExpiresOn, stored.PullIntervalMinutes));
    }

    [Fact]
    public async Task A_token_the_cart_issues_does_not_make_an_open_credentials_form_stale()
    {
        var id = (await ConnectAsync(CartKind.Repeatst)).ConnectionId!.Value;
        var opened = (await _f.Connections.ListAsync(_bot, CancellationToken.None)).Single();

        await _f.Connections.SaveTokenAsync(id, new CartToken("issued"), CancellationToken.None); // e.g. 接続テスト or a pull signing in

        var saved = await _f.Connections.UpdateCredentialsAsync(_bot, id, new Dictionary<string, string?> { [CartSpec.AccessToken] = "new-token" },
            null, opened.Version, CancellationToken.None);
        Assert.True(saved.Succeeded);
        Assert.Equal("new-token", (await _f.Connections.EndpointAsync(id, CancellationToken.None))!.Secrets[CartSpec.AccessToken]);
    }
}
