using Bunit;
using Ecai.Domain.Carts;
using Ecai.Domain.Members;
using Ecai.Tests.Support;
using Ecai.Web.Components.Pages.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Web.Components;

public sealed class MemberDetailTests : ComponentTest
{
    private async Task<(int Bot, long Member)> MemberWithACustomerToLinkAsync()
    {
        var bot = await SignedInBotAsync();
        var connection = await Seed.ConnectionAsync(bot, CartKind.Repeatst);
        await Services.GetRequiredService<MemberImport>().AddAsync(bot, [new NewMember("Ufriend", "佐藤花子", Now.AddDays(-3))], CancellationToken.None);
        await using var db = Db.CreateDbContext();
        db.CartCustomers.Add(new CartCustomer
        {
            ConnectionId = connection, BotId = bot, ExternalId = "1001", Number = "C-1001", Name = "佐藤 花子",
            PhoneRaw = "090-1234-5678", PhoneNormalized = "+819012345678", UpdatedAt = Now,
        });
        db.CartOrders.Add(new CartOrder
        {
            ConnectionId = connection, ExternalId = "5001", CustomerExternalId = "1001", OrderedAt = Now.AddDays(-1), Amount = 4980, UpdatedAt = Now,
            DeliveryDate = new DateOnly(2026, 12, 10), DeliveryTime = "14:00-16:00",
            Items = [new CartOrderItem { ConnectionId = connection, OrderExternalId = "5001", LineNo = 1, ProductCode = "P-1", ProductName = "酵素ドリンク" }],
        });
        await db.SaveChangesAsync();
        return (bot, await db.Members.Select(m => m.Id).SingleAsync());
    }

    [Fact]
    public async Task Entering_a_phone_links_at_once_and_shows_the_customer_and_the_purchases()
    {
        var (_, member) = await MemberWithACustomerToLinkAsync();
        var page = Render<MemberDetailPage>(p => p.Add(x => x.MemberId, member));
        Assert.Contains("まだどのカートとも連携していません", page.WaitForElement("[data-testid=member-not-linked]").TextContent);
        Assert.Contains("電話番号もメールアドレスも登録されていません", page.Find("[data-testid=member-not-linked-reasons]").TextContent);

        page.Find("#member-phone").Change("０９０１２３４５６７８");
        page.Find("[data-testid=member-save]").Click();

        page.WaitForAssertion(() => Assert.Equal("保存しました。1件のカート顧客と連携しています。", page.Find("[data-testid=member-link-outcome]").TextContent.Trim()));
        var customers = page.Find("[data-testid=member-customers]").TextContent;
        Assert.Contains("リピスト", customers);
        Assert.Contains("C-1001", customers);
        Assert.Contains("電話番号", customers);
        Assert.Contains("酵素ドリンク", page.Find("[data-testid=member-orders]").TextContent);
        Assert.Equal("2026/12/10 14:00-16:00", page.Find("[data-testid=order-delivery]").TextContent.Trim());
        Assert.Equal("1回・合計¥4,980", page.Find("[data-testid=member-purchases]").TextContent.Trim());
    }

    [Fact]
    public async Task An_invalid_phone_is_explained_in_japanese_and_nothing_is_saved()
    {
        var (_, member) = await MemberWithACustomerToLinkAsync();
        var page = Render<MemberDetailPage>(p => p.Add(x => x.MemberId, member));

        page.WaitForElement("#member-phone").Change("12-34");
        page.Find("[data-testid=member-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("電話番号の形式が正しくありません", page.Markup));
        await using var db = Db.CreateDbContext();
        Assert.Null((await db.Members.SingleAsync()).PhoneRaw);
    }

    [Fact]
    public async Task A_member_of_another_bot_is_not_shown()
    {
        var (_, member) = await MemberWithACustomerToLinkAsync();
        var other = await Seed.BotAsync("別ショップ");
        await Services.GetRequiredService<MemberImport>().AddAsync(other, [new NewMember("Uother", "他店", Now)], CancellationToken.None);
        long otherMember;
        await using (var db = Db.CreateDbContext())
            otherMember = await db.Members.Where(m => m.BotId == other).Select(m => m.Id).SingleAsync();

        var page = Render<MemberDetailPage>(p => p.Add(x => x.MemberId, otherMember));

        page.WaitForElement("[data-testid=member-missing]");
        Assert.DoesNotContain("他店", page.Markup);
        Assert.NotEqual(member, otherMember);
    }

    [Fact]
    public async Task Name_and_birthday_are_edited_here_and_the_tags_and_per_cart_totals_are_shown()
    {
        var (bot, member) = await MemberWithACustomerToLinkAsync();
        await Services.GetRequiredService<Ecai.Domain.Forms.IdentityForms>().SetUpAsync(bot,
            new Ecai.Domain.Forms.IdentityFormSettings(["本人確認済"], "確認中"));
        await Services.GetRequiredService<Ecai.Domain.Forms.IdentityForms>().SubmitAsync(bot, member,
            new ProfileInput("佐藤 花子", "090-1234-5678", null, null), CancellationToken.None);
        var page = Render<MemberDetailPage>(p => p.Add(x => x.MemberId, member));

        Assert.Equal("佐藤 花子", page.WaitForElement("#member-name").GetAttribute("value"));
        Assert.Contains("本人確認済", page.Find("[data-testid=member-tags]").TextContent);
        var perCart = page.Find("[data-testid=member-per-cart]").TextContent;
        Assert.Contains("リピスト", perCart);
        Assert.Contains("¥4,980", perCart);

        page.Find("#member-birthday-input").Change("1988/02/29");
        page.Find("[data-testid=member-save]").Click();

        page.WaitForAssertion(() => Assert.Equal("1988/02/29", page.Find("[data-testid=member-birthday]").TextContent.Trim()));
        await using var db = Db.CreateDbContext();
        Assert.Equal(new DateOnly(1988, 2, 29), (await db.Members.SingleAsync()).Birthday);

        page.Find("[data-testid=member-tag] .mud-chip-close-button").Click(); // the operator takes the tag off
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=member-tag]")));
        Assert.Equal(0, await db.MemberTags.CountAsync());
    }

    [Fact]
    public async Task A_link_made_elsewhere_appears_live_without_losing_what_the_operator_is_typing()
    {
        var (bot, member) = await MemberWithACustomerToLinkAsync();
        var page = Render<MemberDetailPage>(p => p.Add(x => x.MemberId, member));
        page.WaitForElement("[data-testid=member-not-linked]");
        page.Find("#member-email").Change("typing@example.jp");

        // The friend submits the identity form on their phone meanwhile.
        await Services.GetRequiredService<Ecai.Domain.Forms.IdentityForms>().SubmitAsync(bot, member,
            new ProfileInput("佐藤 花子", "090-1234-5678", null, null), CancellationToken.None);

        page.WaitForAssertion(() => Assert.Contains("C-1001", page.Find("[data-testid=member-customers]").TextContent));
        Assert.Equal("typing@example.jp", page.Find("#member-email").GetAttribute("value"));
    }

    [Fact]
    public async Task A_live_update_refreshes_the_untouched_fields_and_saving_then_keeps_both_changes()
    {
        var (bot, member) = await MemberWithACustomerToLinkAsync();
        var page = Render<MemberDetailPage>(p => p.Add(x => x.MemberId, member));
        page.WaitForElement("[data-testid=member-not-linked]");
        page.Find("#member-email").Change("typing@example.jp");

        await Services.GetRequiredService<Ecai.Domain.Forms.IdentityForms>().SubmitAsync(bot, member,
            new ProfileInput("佐藤 花子", "090-1234-5678", null, null), CancellationToken.None);

        page.WaitForAssertion(() => Assert.Equal("佐藤 花子", page.Find("#member-name").GetAttribute("value")));
        Assert.Equal("090-1234-5678", page.Find("#member-phone").GetAttribute("value"));
        Assert.Equal("typing@example.jp", page.Find("#member-email").GetAttribute("value"));

        page.Find("[data-testid=member-save]").Click(); // nothing the operator typed was changed elsewhere: not stale
        page.WaitForElement("[data-testid=member-link-outcome]");
        Assert.Empty(page.FindAll("[data-testid=member-stale]"));
        await using var db = Db.CreateDbContext();
        var saved = await db.Members.SingleAsync();
        Assert.Equal(("佐藤 花子", "090-1234-5678", "typing@example.jp"), (saved.RegisteredName, saved.PhoneRaw, saved.EmailRaw));
    }

    [Fact]
    public async Task Saving_a_field_changed_elsewhere_meanwhile_is_refused_with_a_japanese_message_and_the_fresh_values()
    {
        var (bot, member) = await MemberWithACustomerToLinkAsync();
        var page = Render<MemberDetailPage>(p => p.Add(x => x.MemberId, member));
        page.WaitForElement("[data-testid=member-not-linked]");
        page.Find("#member-name").Change("古い 名前");

        await Services.GetRequiredService<Ecai.Domain.Forms.IdentityForms>().SubmitAsync(bot, member,
            new ProfileInput("佐藤 花子", "090-1234-5678", null, null), CancellationToken.None);
        page.WaitForAssertion(() => Assert.Equal("090-1234-5678", page.Find("#member-phone").GetAttribute("value")));
        Assert.Equal("古い 名前", page.Find("#member-name").GetAttribute("value")); // touched: kept until saved

        page.Find("[data-testid=member-save]").Click();

        page.WaitForAssertion(() => Assert.Equal("この会員は他の操作で更新されました。最新の内容を表示しています。もう一度編集してください。",
            page.Find("[data-testid=member-stale]").TextContent.Trim()));
        Assert.Equal("佐藤 花子", page.Find("#member-name").GetAttribute("value"));
        await using var db = Db.CreateDbContext();
        Assert.Equal("佐藤 花子", (await db.Members.SingleAsync()).RegisteredName);

        // The refused save is done once its button is enabled again (it reloads the member's details after the fresh values).
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=member-save]").HasAttribute("disabled")));
        page.Find("#member-name").Change("佐藤 はなこ"); // edited again on the fresh values: saved
        page.Find("[data-testid=member-save]").Click();
        page.WaitForElement("[data-testid=member-link-outcome]");
        Assert.Empty(page.FindAll("[data-testid=member-stale]"));
        await using var after = Db.CreateDbContext();
        Assert.Equal("佐藤 はなこ", (await after.Members.SingleAsync()).RegisteredName);
    }

    [Fact]
    public async Task An_emptied_phone_is_removed_only_after_ticking_the_removal_box()
    {
        var (bot, member) = await MemberWithACustomerToLinkAsync();
        await using (var db = Db.CreateDbContext())
            await db.Members.ExecuteUpdateAsync(s => s.SetProperty(m => m.PhoneRaw, "090-1234-5678").SetProperty(m => m.PhoneNormalized, "+819012345678"));
        var page = Render<MemberDetailPage>(p => p.Add(x => x.MemberId, member));

        page.WaitForElement("#member-phone").Change("");
        page.Find("[data-testid=member-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("「電話番号を削除する」にチェックを入れてください", page.Markup));
        await using (var db = Db.CreateDbContext())
            Assert.Equal("090-1234-5678", (await db.Members.SingleAsync()).PhoneRaw);

        page.Find("input[data-testid=member-remove-phone], [data-testid=member-remove-phone] input").Change(true);
        page.Find("[data-testid=member-save]").Click();
        page.WaitForElement("[data-testid=member-link-outcome]");
        await using (var db = Db.CreateDbContext())
            Assert.Null((await db.Members.SingleAsync()).PhoneRaw);
        Assert.Empty(page.FindAll("[data-testid=member-remove-phone]"));
    }
}
