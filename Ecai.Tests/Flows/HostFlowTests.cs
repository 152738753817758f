using System.Net;
using Ecai.Domain.Carts;
using Ecai.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Flows;

/// <summary>The host as a visitor meets it: health, login wall, demo seeding that survives a restart.</summary>
public sealed class HostFlowTests
{
    [Fact]
    public async Task Healthz_answers_200_without_login_and_every_page_needs_login()
    {
        await using var app = new EcaiAppFactory();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        foreach (var page in new[] { "/", "/integrations", "/jobs", "/settings/line", "/members", "/members/1", "/members/health", "/tags",
                     "/tags/rules", "/demo/liff", "/jobs/1/download", "/cartauth/start/1" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath);
        }
        // LIFF pages open inside LINE without an ECAI login (the friend is identified by LINE's ID token on the page).
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/liff/identity/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/liff/history/1")).StatusCode);
    }

    [Fact]
    public async Task Japanese_is_served_as_characters_and_an_unknown_url_gets_the_japanese_not_found_page()
    {
        await using var app = new EcaiAppFactory();
        var (_, email, password) = await app.AddOperatorWithBotAsync("店", "ops@example.jp");
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await anonymous.GetStringAsync("/account/login");
        Assert.Contains("ログイン", login);
        Assert.DoesNotContain("&#x", login);

        var (client, _) = await app.LoginAsync(email, password);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        page.Headers.Accept.ParseAdd("text/html");
        var response = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("ページが見つかりません", body);
        Assert.Contains("ホームへ戻る", body);
        // Machines (webhooks, downloads) keep a bare status without the page.
        var api = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain("ページが見つかりません", await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_password_returns_to_the_login_page_with_an_error_and_no_cookie()
    {
        await using var app = new EcaiAppFactory();
        var (_, email, _) = await app.AddOperatorWithBotAsync("店", "ops@example.jp");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.PostLoginAsync(email, "wrong-password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("error=invalid", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ecai.auth=")));
    }

    [Fact]
    public async Task Demo_mode_seeds_one_bot_with_members_and_a_connection_to_every_cart_and_a_restart_keeps_the_data()
    {
        (int Bots, int Members, int WithPhone, string Carts) first;
        string dir;
        await using (var app = new EcaiAppFactory(demoMembers: 400) { KeepData = true })
        {
            _ = app.Server; // start: migrate and seed
            dir = app.DataDirectory;
            first = await CountAsync(app);
            var login = await app.LoginAsync(EcaiAppFactory.DemoEmail, EcaiAppFactory.DemoPassword);
            Assert.StartsWith("ecai.auth=", login.AuthCookie);
            await using var db = await app.Db.CreateDbContextAsync();
            Assert.Equal(6, await db.TagRules.CountAsync(r => r.Enabled)); // the demo's タグの自動設定, filled by the first pull
            Assert.Equal("2000000000-EcaiDemo", (await db.Bots.SingleAsync()).LiffId); // LIFF pages work against the LINE sandbox
        }
        Assert.Equal(1, first.Bots);
        Assert.Equal(400, first.Members);
        Assert.InRange(first.WithPhone, 400 * 6 / 10, 400 * 8 / 10);
        Assert.Equal(string.Join(",", CartNames.Supported.Order()), first.Carts);

        await using var again = new EcaiAppFactory(demoMembers: 400, dataDirectory: dir);
        _ = again.Server;
        Assert.Equal(first, await CountAsync(again));
    }

    private static async Task<(int, int, int, string)> CountAsync(EcaiAppFactory app)
    {
        await using var db = await app.Db.CreateDbContextAsync();
        var kinds = await db.CartConnections.OrderBy(c => c.Kind).Select(c => c.Kind).ToListAsync();
        return (await db.Bots.CountAsync(), await db.Members.CountAsync(), await db.Members.CountAsync(m => m.PhoneNormalized != null),
            string.Join(",", kinds));
    }
}
