using Bunit;
using Ecai.Domain.Carts;
using Ecai.Tests.Support;
using Ecai.Web.Components.Pages;
using Ecai.Web.Components.Pages.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Web.Components;

/// <summary>The connect form and the connection card for the carts beyond ecforce, driven by their CartSpec.</summary>
public sealed class CartFormsTests : ComponentTest
{
    private readonly ScriptedCartClientFactory _carts = new();

    protected override void AddServices(IServiceCollection services) => services.AddSingleton<ICartClientFactory>(_carts);

    private IRenderedComponent<ConnectForm> Form(int bot, CartKind kind) =>
        Render<ConnectForm>(p => p.Add(x => x.BotId, bot).Add(x => x.Kind, kind));

    // The page lists the carts this build can pull; the card is what every cart shares.
    private IRenderedComponent<CartCard> RenderCard(int bot, ConnectionView view, CartKind kind) =>
        Render<CartCard>(p => p.Add(x => x.Kind, kind).Add(x => x.BotId, view.Id).Add(x => x.Connection, view));

    private async Task<ConnectionView> ViewAsync(int bot) =>
        (await Services.GetRequiredService<CartConnections>().ListAsync(bot, CancellationToken.None)).Single();

    [Fact]
    public async Task Rakuten_asks_for_its_keys_and_the_licence_expiry_and_explains_empty_fields_in_japanese()
    {
        var bot = await SignedInBotAsync();
        var form = Form(bot, CartKind.RakutenRms);

        Assert.Equal("password", form.Find("#connect-service-secret").GetAttribute("type"));
        Assert.Equal("password", form.Find("#connect-license-key").GetAttribute("type"));
        Assert.Equal("yyyy/mm/dd", form.Find("#connect-license-expires").GetAttribute("placeholder"));
        Assert.Empty(form.FindAll("#connect-api-domain"));
        Assert.Empty(form.FindAll("[data-testid=connect-birthday]"));
        Assert.Contains("2年前まで", form.Find("[data-testid=connect-preparation]").TextContent);

        form.Find("[data-testid=connect-submit]").Click();

        form.WaitForAssertion(() => Assert.Equal(
            ["店舗URLを入力してください。", "serviceSecretを入力してください。", "licenseKeyを入力してください。", "licenseKeyの有効期限を入力してください。"],
            form.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim())));
        await using var db = Db.CreateDbContext();
        Assert.Equal(0, await db.CartConnections.CountAsync());
    }

    [Fact]
    public async Task A_filled_rakuten_form_saves_the_connection_with_its_licence_date()
    {
        var bot = await SignedInBotAsync();
        var form = Form(bot, CartKind.RakutenRms);

        form.Find("#connect-cart-domain").Change("https://www.rakuten.co.jp/demo-shop/");
        form.Find("#connect-service-secret").Change("SP-secret");
        form.Find("#connect-license-key").Change("SL-licence");
        form.Find("#connect-license-expires").Change("2027/02/20");
        form.Find("[data-testid=connect-submit]").Click();

        await using var db = Db.CreateDbContext();
        var stored = await Eventually.ValueAsync(() => db.CartConnections.AsNoTracking().SingleOrDefaultAsync(), TimeSpan.FromSeconds(5));
        Assert.Equal((CartKind.RakutenRms, new DateOnly(2027, 2, 20), "https://api.rms.rakuten.co.jp"),
            (stored!.Kind, stored.LicenseExpiresOn, stored.ApiBaseUrl));
        Assert.DoesNotContain("SL-licence", stored.ProtectedSecrets);
    }

    [Fact]
    public async Task The_first_import_choice_defaults_to_new_links_only_and_everyone_is_saved_on_the_connection()
    {
        var bot = await SignedInBotAsync();
        var form = Form(bot, CartKind.RakutenRms);

        Assert.Contains("初回取込で連携される友だちへのメッセージ", form.Markup);
        Assert.True(form.Find("input[data-testid=connect-first-new]").HasAttribute("checked"));
        form.Find("input[data-testid=connect-first-everyone]").Click();
        form.Find("#connect-cart-domain").Change("https://www.rakuten.co.jp/demo-shop/");
        form.Find("#connect-service-secret").Change("SP-secret");
        form.Find("#connect-license-key").Change("SL-licence");
        form.Find("#connect-license-expires").Change("2027/02/20");
        form.Find("[data-testid=connect-submit]").Click();

        await using var db = Db.CreateDbContext();
        var stored = await Eventually.ValueAsync(() => db.CartConnections.AsNoTracking().SingleOrDefaultAsync(), TimeSpan.FromSeconds(5));
        Assert.True(stored!.FirstImportToEveryone);
    }

    [Fact]
    public async Task Connection_test_reports_the_carts_answer_without_saving()
    {
        var bot = await SignedInBotAsync();
        var form = Form(bot, CartKind.Repeatst);
        form.Find("#connect-cart-domain").Change("shop.example.jp");
        form.Find("#connect-access-token").Change("token-1");

        form.Find("[data-testid=connect-test]").Click();
        form.WaitForAssertion(() => Assert.Equal("リピストに接続できました。", form.Find("[data-testid=connect-test-result]").TextContent.Trim()));

        _carts.CheckFailure = new CartConnectionException("アクセストークンが正しくありません。");
        form.Find("[data-testid=connect-test]").Click();
        form.WaitForAssertion(() => Assert.Equal("アクセストークンが正しくありません。", form.Find("[data-testid=connect-test-result]").TextContent.Trim()));

        await using var db = Db.CreateDbContext();
        Assert.Equal(0, await db.CartConnections.CountAsync());
    }

    [Fact]
    public async Task Shopify_offers_the_subscription_app_tags_option_and_no_birthday_sync()
    {
        var bot = await SignedInBotAsync();
        var form = Form(bot, CartKind.Shopify);

        Assert.Contains("定期購買アプリのタグ", form.Find("[data-testid=subscription-tags]").TextContent);
        Assert.Empty(form.FindAll("[data-testid=connect-birthday]"));
        Assert.Empty(form.FindAll("#subscription-tags-since"));

        await form.Find("input[data-testid=subscription-tags-enabled]").ChangeAsync(true);

        form.WaitForAssertion(() => Assert.Equal("2026/11/26", form.Find("#subscription-tags-since").GetAttribute("value")));
    }

    [Fact]
    public async Task A_licence_close_to_expiry_is_warned_on_the_card_and_on_home_with_the_next_pull()
    {
        var bot = await SignedInBotAsync();
        var id = await Seed.ConnectionAsync(bot, CartKind.RakutenRms, "www.rakuten.co.jp/demo-shop");
        await using (var db = Db.CreateDbContext())
            await db.CartConnections.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.LicenseExpiresOn, new DateOnly(2026, 12, 6))
                .SetProperty(c => c.NextPullAt, Now.AddMinutes(30)));

        var page = RenderCard(bot, await ViewAsync(bot), CartKind.RakutenRms);
        var warning = page.Find("[data-testid=license-warning]").TextContent;
        Assert.Contains("2026/12/06", warning);
        Assert.Contains("あと10日", warning);
        Assert.Equal("2026/11/26 18:30", page.Find("[data-testid=next-pull]").TextContent.Trim());
        Assert.Equal("1時間ごと", page.Find("[data-testid=pull-interval-text]").TextContent.Trim());

        var home = Render<Home>();
        Assert.Contains("あと10日", home.WaitForElement("[data-testid=home-license-warning]").TextContent);
    }

    [Fact]
    public async Task A_licence_further_away_is_not_warned()
    {
        var bot = await SignedInBotAsync();
        var id = await Seed.ConnectionAsync(bot, CartKind.RakutenRms, "www.rakuten.co.jp/demo-shop");
        await using (var db = Db.CreateDbContext())
            await db.CartConnections.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LicenseExpiresOn, new DateOnly(2026, 12, 11)));

        var page = RenderCard(bot, await ViewAsync(bot), CartKind.RakutenRms);
        page.Find("[data-testid=license-expires]");
        Assert.Empty(page.FindAll("[data-testid=license-warning]"));
        Assert.Empty(Render<Home>().FindAll("[data-testid=home-license-warning]"));
    }

    [Fact]
    public async Task A_cart_waiting_for_oauth_approval_offers_the_approval_and_no_pull()
    {
        var bot = await SignedInBotAsync();
        await Seed.ConnectionAsync(bot, CartKind.RakurakuRepeat, state: ConnectionState.AwaitingAuthorization);
        var rendered = RenderCard(bot, await ViewAsync(bot), CartKind.RakurakuRepeat);

        var card = rendered.Find("[data-testid=cart-card][data-kind=RakurakuRepeat]");
        Assert.Contains("楽楽リピートで連携を許可する", card.QuerySelector("[data-testid=authorize]")!.TextContent);
        Assert.True(card.QuerySelector("[data-testid=pull-now]")!.HasAttribute("disabled"));
        Assert.Equal("連携の許可後", card.QuerySelector("[data-testid=next-pull]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_shopify_connection_shows_the_webhook_url_to_register_and_nothing_secret()
    {
        var bot = await SignedInBotAsync();
        var id = await Seed.ConnectionAsync(bot, CartKind.Shopify, "demo.myshopify.com");

        var card = RenderCard(bot, await ViewAsync(bot), CartKind.Shopify);

        Assert.Equal($"http://localhost/carts/shopify/webhook/{id}", card.Find("[data-testid=webhook-url]").TextContent.Trim());
        Assert.Contains("注文作成", card.Markup);
        Assert.Contains("注文の更新", card.Markup);      // refunds and edits
        Assert.Contains("注文のキャンセル", card.Markup);
        Assert.DoesNotContain("not-a-real-secret", card.Markup);
    }

    [Fact]
    public async Task Returning_from_a_carts_approval_screen_shows_its_outcome_on_integrations()
    {
        await SignedInBotAsync();
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>()
            .NavigateTo("/integrations?auth=failed&message=" + Uri.EscapeDataString("カート側でECAIとの連携が許可されませんでした。"));

        var page = Render<IntegrationsPage>();

        var alert = page.WaitForElement("[data-testid=auth-result]");
        Assert.Equal("カート側でECAIとの連携が許可されませんでした。", alert.TextContent.Trim());
        Assert.Contains("mud-alert-text-error", alert.OuterHtml);
    }
}
