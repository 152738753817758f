using AngleSharp.Dom;
using Bunit;
using Ecai.Domain.Carts;
using Ecai.Domain.Jobs;
using Ecai.Domain.Realtime;
using Ecai.Web.Components.Pages.Integrations;
using Ecai.Web.Jobs;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Ecai.Tests.Web.Components;

public sealed class IntegrationsTests : ComponentTest
{
    private const string Password = "s3cret-Pass!";

    /// <summary>The cart the forms check credentials against (passes unless a test sets a failure).</summary>
    private readonly Ecai.Tests.Support.ScriptedCartClientFactory _carts = new();

    protected override void AddServices(IServiceCollection services) => services.AddSingleton<ICartClientFactory>(_carts);

    [Fact]
    public async Task Wrong_credentials_are_refused_on_save_with_what_to_fix_and_the_form_stays_filled()
    {
        var bot = await SignedInBotAsync();
        _carts.CheckFailure = new CartConnectionException("ecforceにログインできませんでした。メールアドレスとパスワードを確認してください。");
        var form = Render<ConnectForm>(p => p.Add(x => x.BotId, bot).Add(x => x.Kind, CartKind.Ecforce));

        Fill(form, "shop.example.jp", "ops@example.jp", Password, "api.example.jp");
        form.Find("[data-testid=connect-submit]").Click();

        form.WaitForAssertion(() => Assert.Contains("メールアドレスとパスワードを確認してください",
            form.Find("[data-testid=connect-check-error]").TextContent));
        Assert.Equal("shop.example.jp", form.Find("#connect-cart-domain").GetAttribute("value"));
        Assert.Equal(0, await CountConnectionsAsync());
    }

    [Fact]
    public async Task An_unconnected_cart_says_what_to_do_and_opens_the_connect_form_with_the_seed_help()
    {
        await SignedInBotAsync();
        var page = Render<IntegrationsPage>();

        var card = page.WaitForElement("[data-testid=cart-card][data-kind=Ecforce]");
        Assert.Contains("未連携", card.TextContent);
        Assert.Contains("API連携のお申し込み", page.Find("[data-testid=connect-intro]").TextContent);

        page.Find("[data-testid=connect-open]").Click();

        var form = page.Find("[data-testid=connect-form]");
        foreach (var label in new[] { "カートドメイン", "ログインメールアドレス", "ログインパスワード", "APIドメイン",
                     "カート側会員誕生日をECAIに連携する", "連携の際に電話番号とecforceのLINE ID連携機能で連携する" })
            Assert.Contains(label, form.TextContent);
        Assert.Contains("/admin/ の★の部分", form.TextContent);
        Assert.Contains("「www.」は付けず", form.TextContent);
        Assert.Contains("API用ドメイン(例: api.xxxx.jp)。カートドメインと同じ場合があります", form.TextContent);
        Assert.Equal("password", page.Find("#connect-password").GetAttribute("type"));
    }

    [Fact]
    public async Task Empty_fields_show_Japanese_errors_under_each_field_and_save_nothing()
    {
        await SignedInBotAsync();
        var page = Render<IntegrationsPage>();
        page.WaitForElement("[data-testid=connect-open]").Click();

        page.Find("[data-testid=connect-submit]").Click();

        page.WaitForAssertion(() =>
        {
            var form = page.Find("[data-testid=connect-form]").TextContent;
            Assert.Contains("カートドメインを入力してください。", form);
            Assert.Contains("ログインメールアドレスを入力してください。", form);
            Assert.Contains("ログインパスワードを入力してください。", form);
            Assert.Contains("APIドメインを入力してください。", form);
        });
        // Each message sits in the helper line of its own field, in form order.
        Assert.Equal(
            ["カートドメインを入力してください。", "ログインメールアドレスを入力してください。", "ログインパスワードを入力してください。", "APIドメインを入力してください。"],
            page.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim()));
        Assert.Equal(0, await CountConnectionsAsync());
    }

    [Fact]
    public async Task Invalid_fields_show_format_errors_and_save_nothing()
    {
        await SignedInBotAsync();
        var page = Render<IntegrationsPage>();
        page.WaitForElement("[data-testid=connect-open]").Click();

        Fill(page, "not a domain", "operator-at-example", Password, "api domain with spaces");
        page.Find("[data-testid=connect-submit]").Click();

        page.WaitForAssertion(() =>
        {
            var form = page.Find("[data-testid=connect-form]").TextContent;
            Assert.Contains("カートドメインの形式が正しくありません", form);
            Assert.Contains("メールアドレスの形式が正しくありません。", form);
            Assert.Contains("APIドメインの形式が正しくありません", form);
            Assert.DoesNotContain("ログインパスワードを入力してください。", form);
        });
        Assert.Equal(0, await CountConnectionsAsync());
    }

    [Fact]
    public async Task The_form_refuses_a_second_cart_of_the_same_system_on_this_bot()
    {
        var bot = await SignedInBotAsync();
        await Seed.ConnectionAsync(bot, CartKind.Ecforce, "first.example.jp");
        var form = Render<ConnectForm>(p => p.Add(x => x.BotId, bot).Add(x => x.Kind, CartKind.Ecforce));

        Fill(form, "second.example.jp", "ops@example.jp", Password, "api.second.example.jp");
        form.Find("[data-testid=connect-submit]").Click();

        form.WaitForAssertion(() => Assert.Contains(
            "このBOTにはすでにecforceが連携されています。同じカートシステムは1つのBOTに1つまで連携できます。",
            form.Find("[data-testid=connect-error]").TextContent));
        Assert.Equal(1, await CountConnectionsAsync());
    }

    [Fact]
    public async Task Connecting_shows_the_connected_card_with_domains_but_never_the_credentials()
    {
        var bot = await SignedInBotAsync();
        var page = Render<IntegrationsPage>();
        page.WaitForElement("[data-testid=connect-open]").Click();

        Fill(page, "https://www.shop.example.jp/admin/", "ops@example.jp", Password, "api.example.jp");
        page.Find("[data-testid=connect-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("未取込", page.Find("[data-testid=connection-state]").TextContent));
        Assert.Equal("shop.example.jp", page.Find("[data-testid=cart-domain]").TextContent.Trim());
        Assert.Equal("api.example.jp", page.Find("[data-testid=api-domain]").TextContent.Trim());
        Assert.Contains("認証情報は暗号化して保存済み", page.Find("[data-testid=credentials-saved]").TextContent);
        Assert.NotNull(page.Find("[data-testid=never-pulled]"));
        Assert.Empty(page.FindAll("[data-testid=connect-form]"));
        Assert.Empty(page.FindAll("input[type=password]"));
        Assert.DoesNotContain(Password, page.Markup);
        Assert.DoesNotContain("ops@example.jp", page.Markup);
        var saved = Assert.Single(await ListAsync(bot));
        Assert.Equal("shop.example.jp", saved.CartDomain);
    }

    [Fact]
    public async Task Connecting_a_cart_another_bot_already_uses_warns_as_an_alert()
    {
        var bot = await SignedInBotAsync();
        var other = await Seed.BotAsync("姉妹ショップ");
        await Seed.ConnectionAsync(other, CartKind.Ecforce, "shop.example.jp");
        var page = Render<IntegrationsPage>();
        page.WaitForElement("[data-testid=connect-open]").Click();

        Fill(page, "shop.example.jp", "ops@example.jp", Password, "api.example.jp");
        page.Find("[data-testid=connect-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("別のBOT「姉妹ショップ」", page.Find("[data-testid=connect-warning]").TextContent));
        Assert.Single(await ListAsync(bot));
    }

    [Fact]
    public async Task A_connection_in_error_shows_the_carts_message_and_the_hint()
    {
        var bot = await SignedInBotAsync();
        await Seed.ConnectionAsync(bot, state: ConnectionState.Error, lastError: "ログインに失敗しました(認証エラー)。");

        var page = Render<IntegrationsPage>();

        page.WaitForAssertion(() => Assert.Contains("エラー", page.Find("[data-testid=connection-state]").TextContent));
        Assert.Equal("ログインに失敗しました(認証エラー)。", page.Find("[data-testid=connection-error-message]").TextContent.Trim());
        Assert.Equal(CartConnections.ErrorHint, page.Find("[data-testid=connection-error-hint]").TextContent.Trim());
    }

    [Fact]
    public async Task A_connected_cart_shows_its_last_pull_in_Japan_time_and_counts()
    {
        var bot = await SignedInBotAsync();
        var connection = await Seed.ConnectionAsync(bot);
        await Seed.LinkAsync(bot, connection, await Seed.MembersAsync(bot, 3));
        await using (var db = Db.CreateDbContext())
            await db.CartConnections.ExecuteUpdateAsync(s => s
                .SetProperty(c => c.LastPullCustomers, 12345)
                .SetProperty(c => c.LastPullSkipped, 2)
                .SetProperty(c => c.LastSkippedSample, "顧客 C-9: 電話番号が不正"));

        var page = Render<IntegrationsPage>();

        page.WaitForAssertion(() => Assert.Contains("連携済み", page.Find("[data-testid=connection-state]").TextContent));
        Assert.Equal("2026/11/26 17:30", page.Find("[data-testid=last-pulled]").TextContent.Trim());
        Assert.Contains("12,345", page.Find("[data-testid=connection-figures]").TextContent);
        Assert.Equal("3", page.Find("[data-testid=linked-members]").TextContent.Trim());
        Assert.Contains("顧客 C-9: 電話番号が不正", page.Find("[data-testid=skipped-sample]").TextContent);
    }

    [Fact]
    public async Task Pull_now_queues_a_pull_and_stays_disabled_while_it_runs()
    {
        var bot = await SignedInBotAsync();
        await Seed.ConnectionAsync(bot);
        var page = Render<IntegrationsPage>();
        var button = page.WaitForElement("[data-testid=pull-now]");
        Assert.False(button.HasAttribute("disabled"));

        button.Click();

        Assert.True(Services.GetRequiredService<PullTrigger>().IsBusy(bot));
        page.WaitForAssertion(() => Assert.True(page.Find("[data-testid=pull-now]").HasAttribute("disabled")));
    }

    [Fact]
    public async Task Pull_now_is_disabled_until_the_circuit_is_interactive()
    {
        var bot = await SignedInBotAsync();
        await Seed.ConnectionAsync(bot);
        SetRendererInfo(new RendererInfo("Static", false));

        var page = Render<IntegrationsPage>();

        page.WaitForAssertion(() => Assert.True(page.Find("[data-testid=pull-now]").HasAttribute("disabled")));
    }

    [Fact]
    public async Task A_running_pull_shows_live_progress_then_the_card_reloads_when_it_ends()
    {
        var bot = await SignedInBotAsync();
        var connection = await Seed.ConnectionAsync(bot, state: ConnectionState.NeverPulled);
        var page = Render<IntegrationsPage>();
        page.WaitForAssertion(() => Assert.Contains("未取込", page.Find("[data-testid=connection-state]").TextContent));

        Live.Publish(new JobProgressChanged(bot, 7, PullCartsJob.Kind, "カート取込", 25000, null, JobState.Running, "受注を取込中"));

        page.WaitForAssertion(() =>
        {
            var progress = page.Find("[data-testid=pull-progress]");
            Assert.Contains("受注を取込中", progress.TextContent);
            Assert.Contains("25,000件処理済み", progress.TextContent);
            Assert.True(page.Find("[data-testid=pull-now]").HasAttribute("disabled"));
        });

        await using (var db = Db.CreateDbContext())
            await db.CartConnections.ExecuteUpdateAsync(s => s
                .SetProperty(c => c.State, ConnectionState.Connected)
                .SetProperty(c => c.LastPulledAt, Now)
                .SetProperty(c => c.LastPullOrders, 25000));
        Live.Publish(new ConnectionChanged(bot, connection));
        Live.Publish(new JobProgressChanged(bot, 7, PullCartsJob.Kind, "カート取込", 25000, 25000, JobState.Succeeded, null));
        await AdvancePastReloadsUntilAsync(() => page.FindAll("[data-testid=pull-progress]").Count == 0);

        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-testid=pull-progress]"));
            Assert.Contains("連携済み", page.Find("[data-testid=connection-state]").TextContent);
            Assert.Contains("25,000", page.Find("[data-testid=connection-figures]").TextContent);
            Assert.False(page.Find("[data-testid=pull-now]").HasAttribute("disabled"));
        });
    }

    [Fact]
    public async Task A_pull_already_running_when_the_page_opens_shows_its_progress()
    {
        var bot = await SignedInBotAsync();
        await Seed.ConnectionAsync(bot);
        await Seed.RunningJobAsync(bot, PullCartsJob.Kind);

        var page = Render<IntegrationsPage>();

        page.WaitForAssertion(() => Assert.Contains("0件処理済み", page.Find("[data-testid=pull-progress]").TextContent));
        Assert.True(page.Find("[data-testid=pull-now]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Options_are_saved_from_the_toggles()
    {
        var bot = await SignedInBotAsync();
        await Seed.ConnectionAsync(bot);
        var page = Render<IntegrationsPage>();

        await page.WaitForElement("input[data-testid=option-birthday]").ChangeAsync(true);

        Assert.True(Assert.Single(await ListAsync(bot)).BirthdaySync);
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("input[data-testid=option-birthday]").GetAttribute("aria-checked")));
    }

    [Fact]
    public async Task Disconnecting_asks_for_confirmation_then_removes_the_connection()
    {
        var bot = await SignedInBotAsync();
        var connection = await Seed.ConnectionAsync(bot);
        await Seed.LinkAsync(bot, connection, await Seed.MembersAsync(bot, 3));
        var page = Render(b =>
        {
            b.OpenComponent<MudDialogProvider>(0);
            b.CloseComponent();
            b.OpenComponent<IntegrationsPage>(1);
            b.CloseComponent();
        });

        page.WaitForElement("[data-testid=disconnect]").Click();

        page.WaitForAssertion(() => Assert.Equal("友だちとの連携 3人分", page.Find("[data-testid=disconnect-links]").TextContent.Trim()));
        Assert.Equal("取り込んだ顧客 3件", page.Find("[data-testid=disconnect-customers]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=disconnect-dependents]")); // nothing uses this cart: no choice to offer
        Assert.Single(await ListAsync(bot));
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("連携を解除する")).Click();

        // The other carts' cards offer to connect all along: the connected card's disconnect button going is the sign.
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=disconnect]")));
        Assert.Empty(await ListAsync(bot));
    }

    private static void Fill<T>(IRenderedComponent<T> component, string cartDomain, string email, string password, string apiDomain)
        where T : IComponent
    {
        component.Find("#connect-cart-domain").Change(cartDomain);
        component.Find("#connect-login-email").Change(email);
        component.Find("#connect-password").Change(password);
        component.Find("#connect-api-domain").Change(apiDomain);
    }

    [Fact]
    public async Task A_cards_pull_now_pulls_that_cart_only_and_the_page_button_pulls_all()
    {
        var bot = await SignedInBotAsync();
        await Seed.ConnectionAsync(bot);
        var shopify = await Seed.ConnectionAsync(bot, CartKind.Shopify, "example.myshopify.com");
        var page = Render<IntegrationsPage>();
        var trigger = Services.GetRequiredService<PullTrigger>();

        page.WaitForElement("[data-testid=cart-card][data-kind=Shopify] [data-testid=pull-now]").Click();

        Assert.True(trigger.IsBusy(bot));
        Assert.Equal(shopify, trigger.ConnectionOf(bot));
        Assert.NotNull(page.Find("[data-testid=pull-all]"));
    }

    [Fact]
    public async Task A_pull_of_one_cart_shows_its_progress_on_that_cards_bar_only()
    {
        var bot = await SignedInBotAsync();
        await Seed.ConnectionAsync(bot);
        var shopify = await Seed.ConnectionAsync(bot, CartKind.Shopify, "example.myshopify.com");
        var page = Render<IntegrationsPage>();
        page.WaitForElement("[data-testid=cart-card][data-kind=Shopify]");

        Live.Publish(new JobProgressChanged(bot, 8, PullCartsJob.Kind, "カート取込", 120, null, JobState.Running, "受注を取込中", shopify));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=pull-progress]")));
        Assert.Single(page.FindAll("[data-testid=cart-card][data-kind=Shopify] [data-testid=pull-progress]"));

        Live.Publish(new JobProgressChanged(bot, 9, PullCartsJob.Kind, "カート取込", 130, null, JobState.Running, "受注を取込中"));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=pull-progress]").Count));
    }

    [Fact]
    public async Task A_pull_that_imported_nothing_says_so_on_the_card()
    {
        var bot = await SignedInBotAsync();
        await Seed.ConnectionAsync(bot);
        await using (var db = Db.CreateDbContext())
            await db.CartConnections.ExecuteUpdateAsync(s => s.SetProperty(c => c.LastPullCustomers, 0).SetProperty(c => c.LastPullOrders, 0));

        var page = Render<IntegrationsPage>();

        page.WaitForAssertion(() => Assert.Equal("新しいデータはありませんでした。", page.Find("[data-testid=nothing-new]").TextContent.Trim()));
    }

    private Task<IReadOnlyList<ConnectionView>> ListAsync(int botId) =>
        Services.GetRequiredService<CartConnections>().ListAsync(botId, CancellationToken.None);

    private async Task<int> CountConnectionsAsync()
    {
        await using var db = Db.CreateDbContext();
        return await db.CartConnections.CountAsync();
    }
}
