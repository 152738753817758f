using System.Net.Http.Json;
using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Ecforce.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Flows;

/// <summary>Connect and 認証情報を更新 check the credentials against the ecforce sandbox over HTTP before saving them.</summary>
public sealed class CredentialCheckFlowTests : IAsyncLifetime
{
    private readonly EcaiAppFactory _app = new();
    private readonly EcforceStoreOptions _options = new() { Seed = 5, Customers = 20, Orders = 40 };
    private EcforceStore _store = null!;
    private SandboxServer<EcforceStore> _sandbox = null!;
    private int _bot;

    public async Task InitializeAsync()
    {
        _store = new EcforceStore(_options);
        _sandbox = await EcforceSandbox.StartAsync(_store);
        (_bot, _, _) = await _app.AddOperatorWithBotAsync("認証テスト", "credentials@example.jp");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    private CartConnections Connections => _app.Services.GetRequiredService<CartConnections>();

    private ConnectRequest Request(string password) =>
        ConnectRequest.Ecforce("shop.example.jp", _options.AdminEmail, password, _sandbox.BaseUrl);

    private async Task<int> ConnectionCountAsync()
    {
        await using var db = await _app.Db.CreateDbContextAsync();
        return await db.CartConnections.CountAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_on_connect_and_nothing_is_saved()
    {
        var result = await Connections.ConnectAsync(_bot, Request("wrong-password"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("メールアドレスとパスワードを確認してください", result.Errors[ConnectResult.CheckKey]);
        Assert.Equal(0, await ConnectionCountAsync());
    }

    [Fact]
    public async Task Test_connect_test_and_pull_sign_in_once()
    {
        Assert.True((await Connections.TestAsync(Request(_options.AdminPassword), CancellationToken.None)).Succeeded);
        var connect = await Connections.ConnectAsync(_bot, Request(_options.AdminPassword), CancellationToken.None);
        Assert.True(connect.Succeeded, string.Join(" ", connect.Errors.Values));
        Assert.True((await Connections.TestAsync(_bot, connect.ConnectionId!.Value, CancellationToken.None)).Succeeded);
        var run = await _app.Services.GetRequiredService<Ecai.Domain.Jobs.JobRuns>().StartAsync(_bot, "test", "テスト", CancellationToken.None);
        var pull = await _app.Services.GetRequiredService<CartSync>().PullBotAsync(_bot, run, CancellationToken.None);

        Assert.Empty(pull.Errors);
        Assert.Equal(40, pull.Orders);
        Assert.Equal(1, _store.SignInCount); // ecforce allows 5 sign-ins an hour: the first token serves them all
    }

    [Fact]
    public async Task Updating_to_a_wrong_password_is_refused_and_the_stored_credentials_keep_working()
    {
        var id = (await Connections.ConnectAsync(_bot, Request(_options.AdminPassword), CancellationToken.None)).ConnectionId!.Value;

        var version = (await Connections.ListAsync(_bot, CancellationToken.None)).Single(c => c.Id == id).Version;
        var result = await Connections.UpdateCredentialsAsync(_bot, id,
            new Dictionary<string, string?> { [CartSpec.Password] = "typo" }, null, version, CancellationToken.None);

        Assert.Contains("パスワードを確認してください", result.Errors[ConnectResult.CheckKey]);
        var endpoint = await Connections.EndpointAsync(id, CancellationToken.None);
        Assert.Equal(_options.AdminPassword, endpoint!.Secrets[CartSpec.Password]);
        Assert.True((await Connections.TestAsync(_bot, id, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task A_rate_limited_sign_in_says_when_to_try_again()
    {
        using var http = new HttpClient();
        (await http.PostAsJsonAsync(_sandbox.BaseUrl + "/_faults", new { sign_in_rate_limited = true })).EnsureSuccessStatusCode();

        var result = await Connections.ConnectAsync(_bot, Request(_options.AdminPassword), CancellationToken.None);

        var message = result.Errors[ConnectResult.CheckKey];
        Assert.Contains("1時間に5回まで", message);
        Assert.Matches(@"\d{4}/\d{2}/\d{2} \d{2}:\d{2}以降に", message);
        Assert.Equal(0, await ConnectionCountAsync());
    }

    [Fact]
    public async Task A_refused_sign_in_switch_refuses_even_the_right_password()
    {
        using var http = new HttpClient();
        (await http.PostAsJsonAsync(_sandbox.BaseUrl + "/_faults", new { refuse_sign_ins = true })).EnsureSuccessStatusCode();

        var test = await Connections.TestAsync(Request(_options.AdminPassword), CancellationToken.None);

        Assert.False(test.Succeeded);
        Assert.Contains("パスワードを確認してください", test.Message);
    }
}
