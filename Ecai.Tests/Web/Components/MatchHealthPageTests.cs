using Bunit;
using Ecai.Domain.Carts;
using Ecai.Domain.Members;
using Ecai.Domain.Realtime;
using Ecai.Web.Components.Pages.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Web.Components;

public sealed class MatchHealthPageTests : ComponentTest
{
    /// <summary>An ecforce bot: 2 linked friends, 3 without phone or e-mail (one blocked), 1 with an unreadable phone.</summary>
    private async Task<(int Bot, List<long> Linked, List<long> NoContact, long Invalid)> ShopAsync()
    {
        var bot = await SignedInBotAsync();
        var connection = await Seed.ConnectionAsync(bot, CartKind.Ecforce);
        var linked = await Seed.MembersAsync(bot, 2, Now.AddDays(-30));
        await Seed.LinkAsync(bot, connection, linked);
        var noContact = await Seed.MembersAsync(bot, 3, Now.AddDays(-20));
        await Services.GetRequiredService<MemberImport>().AddAsync(bot, [new NewMember("Uinvalid", "電話まちがい", Now.AddDays(-1), "12-34")], CancellationToken.None);
        await using var db = Db.CreateDbContext();
        await db.Members.Where(m => m.Id == noContact[0]).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsBlocked, true));
        var invalid = await db.Members.Where(m => m.LineUserId == "Uinvalid").Select(m => m.Id).SingleAsync();
        return (bot, linked, noContact, invalid);
    }

    private static string Count(IRenderedComponent<MatchHealthPage> page, string reason) =>
        page.Find($"[data-testid=reason-chip][data-reason={reason}] [data-testid=reason-count]").TextContent.Trim();

    private static List<long> Rows(IRenderedComponent<MatchHealthPage> page) =>
        page.FindAll("[data-testid=health-row]").Select(r => long.Parse(r.GetAttribute("data-member")!)).ToList();

    [Fact]
    public async Task Shows_linked_of_total_and_the_count_of_each_reason()
    {
        await ShopAsync();

        var page = Render<MatchHealthPage>();

        page.WaitForAssertion(() => Assert.Equal("2 / 6", page.Find("[data-testid=health-linked]").TextContent.Trim()));
        Assert.Equal("33.3%", page.Find("[data-testid=health-share]").TextContent.Trim());
        Assert.Equal("4", page.Find("[data-testid=health-unlinked]").TextContent.Trim());
        Assert.Contains("うちブロック中 1人", page.Markup);
        Assert.Equal("4", Count(page, "All"));
        Assert.Equal("3", Count(page, nameof(MatchReason.NoPhoneOrEmail)));
        Assert.Equal("1", Count(page, nameof(MatchReason.InvalidPhone)));
        Assert.Empty(page.FindAll($"[data-testid=reason-chip][data-reason={MatchReason.NoCustomer}]")); // nobody: no chip
        Assert.Contains("電話番号・メール未登録", page.Find("[data-testid=health-reasons]").TextContent);
        // The pager speaks Japanese: "1–4 / 4人", not "1-4 of 4".
        page.WaitForAssertion(() => Assert.Contains("1–4 / 4人", page.Find("[data-testid=health-pager]").TextContent)); // the page of rows loads after the summary
    }

    [Fact]
    public async Task Clicking_a_reason_shows_only_its_members_and_what_to_do()
    {
        var (_, linked, noContact, invalid) = await ShopAsync();
        var page = Render<MatchHealthPage>();
        page.WaitForAssertion(() => Assert.Equal(4, Rows(page).Count));
        Assert.Equal([invalid, .. noContact.AsEnumerable().Reverse()], Rows(page)); // newest friends first
        Assert.DoesNotContain(linked[0], Rows(page));

        page.Find($"[data-testid=reason-chip][data-reason={MatchReason.InvalidPhone}]").Click();

        page.WaitForAssertion(() => Assert.Equal([invalid], Rows(page)));
        Assert.Equal("電話番号の形式エラー", page.Find("[data-testid=health-row-reason]").TextContent.Trim());
        Assert.Contains("12-34", page.Find("[data-testid=health-table]").TextContent);
        Assert.Contains("日本の電話番号として読み取れません", page.Find("[data-testid=reason-explain]").TextContent);

        page.Find("[data-testid=reason-chip][data-reason=All]").Click();
        page.WaitForAssertion(() => Assert.Equal(4, Rows(page).Count));
        Assert.Empty(page.FindAll("[data-testid=reason-explain]"));
    }

    [Fact]
    public async Task Each_row_links_to_the_member_detail()
    {
        var (_, _, _, invalid) = await ShopAsync();

        var page = Render<MatchHealthPage>();

        page.WaitForAssertion(() => Assert.Equal(4, Rows(page).Count));
        var row = page.Find($"[data-testid=health-row][data-member='{invalid}']");
        Assert.Equal($"/members/{invalid}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("電話まちがい", row.TextContent.Trim());
    }

    [Fact]
    public async Task Reloads_when_the_counts_change()
    {
        var (bot, _, noContact, _) = await ShopAsync();
        var page = Render<MatchHealthPage>();
        page.WaitForAssertion(() => Assert.Equal("4", Count(page, "All")));

        int connection;
        await using (var db = Db.CreateDbContext())
            connection = await db.CartConnections.Select(c => c.Id).SingleAsync();
        await Seed.LinkAsync(bot, connection, noContact.Take(2));

        Live.Publish(new DashboardChanged(bot));

        page.WaitForAssertion(() =>
        {
            Assert.Equal("2", Count(page, "All"));
            Assert.Equal("4 / 6", page.Find("[data-testid=health-linked]").TextContent.Trim());
            Assert.Equal(2, Rows(page).Count);
        });
    }

    [Fact]
    public async Task Says_so_when_every_friend_is_linked()
    {
        var bot = await SignedInBotAsync();
        await Seed.LinkAsync(bot, await Seed.ConnectionAsync(bot), await Seed.MembersAsync(bot, 3));

        var page = Render<MatchHealthPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=health-empty]")));
        Assert.Equal("100.0%", page.Find("[data-testid=health-share]").TextContent.Trim());
    }
}
