using Bunit;
using Ecai.Domain.Carts;
using Ecai.Domain.Forms;
using Ecai.Domain.Line;
using Ecai.Domain.Members;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Integrations.Line;
using Ecai.Integrations.Line.Sandbox;
using Ecai.Tests.Support;
using Ecai.Tests.Web.Components;
using Ecai.Web.Components.Liff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Web.Liff;

/// <summary>
/// The LIFF pages with the real LINE client against the LINE sandbox on 127.0.0.1: the page gets an ID token
/// from the browser (JS interop), LINE verifies it, and only then is the friend known.
/// </summary>
public sealed class LiffPagesTests : ComponentTest
{
    private const string LoginChannel = "1650000000";
    private SandboxServer<LineSandboxStore> _line = null!;
    private int _bot;
    private long _member;

    protected override void AddServices(IServiceCollection services) =>
        services.AddLineApi().Configure<LineOptions>(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(5));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _line = await LineSandbox.StartAsync(new LineSandboxStore(Clock));
        _line.Store.AddFriend("Ufriend", "さとう");
        _line.Store.AddFriend("Ustranger", "知らない人");
        Services.GetRequiredService<LineEndpoint>().BaseUrl = new Uri(_line.BaseUrl);

        _bot = await Seed.BotAsync("テストショップ");
        await Services.GetRequiredService<LineChannels>().SetUpAsync(_bot,
            new LineChannelSettings("2000000001", new string('a', 32), "token", LoginChannel + "-AbCd", null));
        await Services.GetRequiredService<IdentityForms>().SetUpAsync(_bot, new IdentityFormSettings(["本人確認済"], "確認中です。"));
        var connection = await Seed.ConnectionAsync(_bot, CartKind.Repeatst);
        await Services.GetRequiredService<MemberImport>().AddAsync(_bot, [new NewMember("Ufriend", "さとう", Now.AddDays(-3))], CancellationToken.None);
        await using var db = Db.CreateDbContext();
        db.CartCustomers.Add(new CartCustomer
        {
            ConnectionId = connection, BotId = _bot, ExternalId = "1001", Name = "佐藤 花子", PhoneRaw = "090-1234-5678",
            PhoneNormalized = "+819012345678", UpdatedAt = Now,
        });
        db.CartOrders.Add(new CartOrder
        {
            ConnectionId = connection, ExternalId = "5001", CustomerExternalId = "1001", OrderedAt = Now.AddDays(-10), Amount = 4980,
            ShippedAt = Now.AddDays(-8), UpdatedAt = Now,
            Items = [new CartOrderItem { ConnectionId = connection, OrderExternalId = "5001", LineNo = 1, ProductCode = "P-1", ProductName = "酵素ドリンク", CourseName = "定期便" }],
        });
        await db.SaveChangesAsync();
        _member = await db.Members.Select(m => m.Id).SingleAsync();
    }

    protected override async Task CleanupAsync() => await _line.DisposeAsync();

    private void BrowserHasToken(string token) => JSInterop.Setup<string?>("ecaiLiff.idToken", _ => true).SetResult(token);

    private string Token(string user = "Ufriend", string audience = LoginChannel) => _line.Store.IssueIdToken(user, audience, TimeSpan.FromHours(1));

    private async Task<Member> MemberAsync()
    {
        await using var db = Db.CreateDbContext();
        return await db.Members.SingleAsync(m => m.Id == _member);
    }

    [Fact]
    public async Task A_verified_friend_submits_the_form_and_is_linked_within_the_request()
    {
        BrowserHasToken(Token());
        var page = Render<IdentityFormPage>(p => p.Add(x => x.BotId, _bot));

        page.WaitForElement("#liff-name").Change("佐藤 花子");
        page.Find("#liff-phone").Change("09012345678");
        page.Find("#liff-birthday").Change("1990-04-01");
        page.Find("[data-testid=liff-submit]").Click();

        page.WaitForElement("[data-testid=liff-linked]");
        Assert.Equal("ご登録ありがとうございます。", page.Find("[data-testid=liff-done-message]").TextContent.Trim());
        Assert.Equal("ご購入情報との照合が完了しました。", page.Find("[data-testid=liff-linked]").TextContent.Trim());
        Assert.DoesNotContain("確認中", page.Find("[data-testid=liff-done]").TextContent); // linked: nothing is "being checked"
        var member = await MemberAsync();
        Assert.Equal(("佐藤 花子", "+819012345678", new DateOnly(1990, 4, 1)), (member.RegisteredName, member.PhoneNormalized, member.Birthday));
        await using var db = Db.CreateDbContext();
        Assert.Equal(1, await db.CartLinks.CountAsync(l => l.MemberId == _member));
        Assert.Equal(1, await db.MemberTags.CountAsync(t => t.MemberId == _member));

        page.Find("[data-testid=liff-edit]").Click(); // the "確認中" page is editable: back to the filled-in form
        Assert.Equal("09012345678", page.WaitForElement("#liff-phone").GetAttribute("value"));
    }

    [Fact]
    public async Task An_expired_token_is_refused_and_no_form_is_shown()
    {
        var token = Token();
        Clock.Advance(TimeSpan.FromHours(2));
        BrowserHasToken(token);

        var page = Render<IdentityFormPage>(p => p.Add(x => x.BotId, _bot));

        Assert.Contains("有効期限", page.WaitForElement("[data-testid=liff-problem]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=liff-form]"));
        Assert.Null((await MemberAsync()).RegisteredName);
    }

    [Fact]
    public void A_token_for_another_channel_is_refused()
    {
        BrowserHasToken(Token(audience: "1999999999"));

        var page = Render<IdentityFormPage>(p => p.Add(x => x.BotId, _bot));

        Assert.Contains("LINEのログイン情報を確認できませんでした", page.WaitForElement("[data-testid=liff-problem]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=liff-form]"));
    }

    [Fact]
    public void A_line_user_who_is_not_the_bots_friend_is_asked_to_add_it_first()
    {
        BrowserHasToken(Token(user: "Ustranger"));

        var page = Render<IdentityFormPage>(p => p.Add(x => x.BotId, _bot));

        Assert.Contains("友だち追加してから", page.WaitForElement("[data-testid=liff-problem]").TextContent);
    }

    [Fact]
    public async Task A_malformed_phone_shows_the_error_under_the_field_and_saves_nothing()
    {
        BrowserHasToken(Token());
        var page = Render<IdentityFormPage>(p => p.Add(x => x.BotId, _bot));

        page.WaitForElement("#liff-name").Change("佐藤 花子");
        page.Find("#liff-phone").Change("090-1234");
        page.Find("[data-testid=liff-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("電話番号の形式が正しくありません", page.Markup));
        Assert.Empty(page.FindAll("[data-testid=liff-done]"));
        var member = await MemberAsync();
        Assert.Equal((null, null), (member.RegisteredName, member.PhoneRaw));
    }

    [Fact]
    public async Task Too_many_submissions_by_one_member_are_refused_and_change_nothing()
    {
        var limits = Services.GetRequiredService<LiffRateLimits>();
        for (var i = 0; i < LiffRateLimits.PerMember; i++) Assert.True(limits.TryAcquire(_bot, _member, "203.0.113.9"));
        BrowserHasToken(Token());
        var page = Render<IdentityFormPage>(p => p.Add(x => x.BotId, _bot));

        page.WaitForElement("#liff-name").Change("佐藤 花子");
        page.Find("#liff-phone").Change("09012345678");
        page.Find("[data-testid=liff-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("送信回数が上限", page.Find("[data-testid=liff-error]").TextContent));
        Assert.Null((await MemberAsync()).PhoneRaw);
    }

    [Fact]
    public async Task The_purchase_history_shows_a_linked_members_orders_and_sends_an_unlinked_one_to_the_form()
    {
        BrowserHasToken(Token());
        var unlinked = Render<PurchaseHistoryPage>(p => p.Add(x => x.BotId, _bot));
        Assert.Contains("本人確認フォームを開く", unlinked.WaitForElement("[data-testid=liff-history-unlinked]").TextContent);

        await Services.GetRequiredService<IdentityForms>().SubmitAsync(_bot, _member,
            new ProfileInput("佐藤 花子", "090-1234-5678", null, null), CancellationToken.None);
        var linked = Render<PurchaseHistoryPage>(p => p.Add(x => x.BotId, _bot));

        var history = linked.WaitForElement("[data-testid=liff-history]").TextContent;
        Assert.Contains("酵素ドリンク", history);
        Assert.Contains("定期便", history);
        Assert.Contains("¥4,980", history);
        Assert.Contains("発送日: 2026/11/18", history);
    }

    [Fact]
    public async Task The_purchase_history_shows_an_amount_in_another_currency_with_its_decimals_and_code()
    {
        await using (var db = Db.CreateDbContext())
        {
            var connection = await db.CartOrders.Select(o => o.ConnectionId).FirstAsync();
            db.CartOrders.Add(new CartOrder
            {
                ConnectionId = connection, ExternalId = "5002", CustomerExternalId = "1001", OrderedAt = Now.AddDays(-2), Amount = 5748,
                Currency = "USD", UpdatedAt = Now,
                Items = [new CartOrderItem { ConnectionId = connection, OrderExternalId = "5002", LineNo = 1, ProductCode = "", ProductName = "Tip" }],
            });
            await db.SaveChangesAsync();
        }
        await Services.GetRequiredService<IdentityForms>().SubmitAsync(_bot, _member,
            new ProfileInput("佐藤 花子", "090-1234-5678", null, null), CancellationToken.None);
        BrowserHasToken(Token());

        var page = Render<PurchaseHistoryPage>(p => p.Add(x => x.BotId, _bot));

        var history = page.WaitForElement("[data-testid=liff-history]").TextContent;
        Assert.Contains("57.48 USD", history);
        Assert.DoesNotContain("¥5,748", history);
        Assert.Contains("¥4,980", history); // the yen order beside it
    }
    [Fact]
    public async Task An_invalid_submission_shows_every_message_at_once_and_saves_nothing()
    {
        BrowserHasToken(Token());
        var page = Render<IdentityFormPage>(p => p.Add(x => x.BotId, _bot));

        page.WaitForElement("#liff-phone").Change("090-1234");
        page.Find("#liff-email").Change("hanako@");
        page.Find("#liff-birthday").Change("1990-13-45");
        page.Find("[data-testid=liff-submit]").Click();

        var list = page.WaitForElement("[data-testid=liff-errors]");
        Assert.Equal(
            ["お名前を入力してください。", "電話番号の形式が正しくありません(例: 090-1234-5678)。", "メールアドレスの形式が正しくありません。", "生年月日が正しくありません。"],
            list.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        foreach (var message in new[] { "お名前を入力してください。", "電話番号の形式が正しくありません", "メールアドレスの形式が正しくありません。" })
            Assert.Contains(page.FindAll(".mud-input-helper-text"), h => h.TextContent.Contains(message)); // and under each field
        Assert.Empty(page.FindAll("[data-testid=liff-done]"));
        var member = await MemberAsync();
        Assert.Equal((null, null, null), (member.RegisteredName, member.PhoneRaw, member.EmailRaw));

        page.Find("#liff-name").Change("佐藤 花子"); // fixing one field leaves the others' messages
        page.Find("[data-testid=liff-submit]").Click();
        page.WaitForAssertion(() => Assert.Equal(3, page.Find("[data-testid=liff-errors]").QuerySelectorAll("li").Length));
        Assert.DoesNotContain("お名前を入力してください。", page.Find("[data-testid=liff-errors]").TextContent);
    }

    [Fact]
    public async Task Rejected_submissions_do_not_use_up_the_members_limit()
    {
        BrowserHasToken(Token());
        var page = Render<IdentityFormPage>(p => p.Add(x => x.BotId, _bot));
        page.WaitForElement("#liff-name").Change("佐藤 花子");
        page.Find("#liff-phone").Change("090-1234");
        for (var i = 0; i <= LiffRateLimits.PerMember; i++)
        {
            page.Find("[data-testid=liff-submit]").Click();
            page.WaitForElement("[data-testid=liff-errors]");
        }

        page.Find("#liff-phone").Change("09012345678");
        page.Find("[data-testid=liff-submit]").Click();

        page.WaitForElement("[data-testid=liff-linked]");
        Assert.Equal("+819012345678", (await MemberAsync()).PhoneNormalized);
        var limits = Services.GetRequiredService<LiffRateLimits>(); // the accepted one used one permit, the rejected none
        Assert.Equal(LiffRateLimits.PerMember - 1, Enumerable.Range(0, LiffRateLimits.PerMember).Count(_ => limits.TryAcquire(_bot, _member, "203.0.113.10")));
    }

    [Fact]
    public void A_submission_that_matches_no_customer_yet_says_it_is_being_checked_not_that_it_is_linked()
    {
        BrowserHasToken(Token());
        var page = Render<IdentityFormPage>(p => p.Add(x => x.BotId, _bot));

        page.WaitForElement("#liff-name").Change("佐藤 花子");
        page.Find("#liff-phone").Change("080-9999-0000");
        page.Find("[data-testid=liff-submit]").Click();

        page.WaitForElement("[data-testid=liff-not-linked]");
        Assert.Equal("確認中です。", page.Find("[data-testid=liff-done-message]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=liff-linked]"));
        Assert.DoesNotContain("照合が完了しました", page.Find("[data-testid=liff-done]").TextContent);
    }

    [Fact]
    public async Task The_purchase_history_names_the_shop_and_never_a_cart_platform()
    {
        await Services.GetRequiredService<IdentityForms>().SubmitAsync(_bot, _member,
            new ProfileInput("佐藤 花子", "090-1234-5678", null, null), CancellationToken.None);
        BrowserHasToken(Token());

        var page = Render<PurchaseHistoryPage>(p => p.Add(x => x.BotId, _bot));

        var history = page.WaitForElement("[data-testid=liff-history]").TextContent;
        Assert.Contains("テストショップ", history);
        foreach (var kind in Enum.GetValues<CartKind>())
            Assert.DoesNotContain(CartNames.Of(kind), page.Markup);
        Assert.DoesNotContain("楽天", page.Markup);
    }

    [Fact]
    public async Task The_purchase_history_shows_the_delivery_date_and_time_each_order_asked_for()
    {
        await using (var db = Db.CreateDbContext())
        {
            var connection = await db.CartOrders.Select(o => o.ConnectionId).FirstAsync();
            // As the carts' mappers store them: Shopify's 配送希望日 / 配送時間帯 note attributes, 楽天's deliveryDate / shippingTerm.
            foreach (var (number, days, date, slot) in new[] { ("5002", 4, (DateOnly?)new DateOnly(2026, 12, 10), "14:00-16:00"),
                                                               ("5003", 2, (DateOnly?)null, "午前中") })
                db.CartOrders.Add(new CartOrder
                {
                    ConnectionId = connection, ExternalId = number, CustomerExternalId = "1001", OrderedAt = Now.AddDays(-days), Amount = 2980,
                    UpdatedAt = Now, DeliveryDate = date, DeliveryTime = slot,
                    Items = [new CartOrderItem { ConnectionId = connection, OrderExternalId = number, LineNo = 1, ProductCode = "P-2", ProductName = "ハーブティー" }],
                });
            await db.SaveChangesAsync();
        }
        await Services.GetRequiredService<IdentityForms>().SubmitAsync(_bot, _member,
            new ProfileInput("佐藤 花子", "090-1234-5678", null, null), CancellationToken.None);
        BrowserHasToken(Token());

        var page = Render<PurchaseHistoryPage>(p => p.Add(x => x.BotId, _bot));

        page.WaitForElement("[data-testid=liff-history]");
        var orders = page.FindAll("[data-testid=liff-order]"); // newest first
        Assert.Equal(3, orders.Count);
        Assert.Equal("お届け指定日: 午前中", orders[0].QuerySelector("[data-testid=liff-delivery-requested]")?.TextContent.Trim());
        Assert.Equal("お届け指定日: 2026/12/10 14:00-16:00", orders[1].QuerySelector("[data-testid=liff-delivery-requested]")?.TextContent.Trim());
        Assert.Null(orders[2].QuerySelector("[data-testid=liff-delivery-requested]")); // asked for nothing: no line, no "-"
        Assert.DoesNotContain("お届け指定日", orders[2].TextContent);
    }
}
