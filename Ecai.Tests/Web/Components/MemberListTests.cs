using Bunit;
using Ecai.Domain.Carts;
using Ecai.Domain.Members;
using Ecai.Web.Components.Pages.Members;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Web.Components;

public sealed class MemberListTests : ComponentTest
{
    [Fact]
    public async Task The_count_and_the_rows_follow_the_filter_live()
    {
        var bot = await SignedInBotAsync();
        var connection = await Seed.ConnectionAsync(bot, CartKind.Repeatst);
        var members = await Seed.MembersAsync(bot, 5, Now.AddDays(-30));
        await Seed.LinkAsync(bot, connection, members.Take(2));
        var page = Render<MemberListPage>();
        page.WaitForAssertion(() => Assert.StartsWith("5", page.Find("[data-testid=member-count]").TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-testid=member-grid] tbody tr").Count)); // the grid loads after the count

        var panel = page.FindComponent<MemberFilterPanel>();
        await page.InvokeAsync(() => panel.Instance.FilterChanged.InvokeAsync(new MemberFilter { Link = LinkState.Linked }));

        page.WaitForAssertion(() => Assert.StartsWith("2", page.Find("[data-testid=member-count]").TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=member-grid] tbody tr").Count));
        Assert.Contains("リピスト", page.Find("[data-testid=member-grid]").TextContent);
        Assert.Contains("月別の連携数", page.Find("[data-testid=monthly-links]").TextContent);
    }

    [Fact]
    public async Task A_birthday_range_is_read_as_month_and_day_and_an_unreadable_one_is_explained()
    {
        var bot = await SignedInBotAsync();
        MemberFilter? reported = null;
        var panel = Render<MemberFilterPanel>(p => p
            .Add(x => x.BotId, bot)
            .Add(x => x.Filter, MemberFilter.All)
            .Add(x => x.FilterChanged, f => reported = f));

        panel.Find("#filter-birthday-from").Change("12/20");
        panel.WaitForAssertion(() => Assert.Equal(1220, reported?.BirthdayFrom));
        panel.Find("#filter-birthday-to").Change("1月10日");
        panel.WaitForAssertion(() => Assert.Equal(110, reported?.BirthdayTo));

        panel.Find("#filter-birthday-to").Change("13/45");
        panel.WaitForAssertion(() => Assert.Contains("「13/45」は月/日として読み取れません", panel.Markup));
        Assert.Null(reported!.BirthdayTo);
    }

    [Fact]
    public async Task The_filter_is_kept_in_the_url_and_a_page_opened_from_that_url_shows_the_same_members()
    {
        var bot = await SignedInBotAsync();
        var connection = await Seed.ConnectionAsync(bot, CartKind.Repeatst);
        var members = await Seed.MembersAsync(bot, 5, Now.AddDays(-30));
        await Seed.LinkAsync(bot, connection, members.Take(2));
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = Render<MemberListPage>();
        page.WaitForAssertion(() => Assert.StartsWith("5", page.Find("[data-testid=member-count]").TextContent.Trim()));

        var panel = page.FindComponent<MemberFilterPanel>();
        await page.InvokeAsync(() => panel.Instance.FilterChanged.InvokeAsync(new MemberFilter { Link = LinkState.Linked }));

        var query = QueryHelpers.ParseQuery(new Uri(navigation.Uri).Query);
        Assert.Equal("linked", query["link"].ToString());
        var bookmark = navigation.Uri;
        page.Dispose();

        navigation.NavigateTo("/members");
        navigation.NavigateTo(bookmark);
        var reopened = Render<MemberListPage>();
        reopened.WaitForAssertion(() => Assert.StartsWith("2", reopened.Find("[data-testid=member-count]").TextContent.Trim()));
        Assert.Equal(LinkState.Linked, reopened.FindComponent<MemberFilterPanel>().Instance.Filter.Link);

        // Clearing the filter leaves a plain /members.
        await reopened.InvokeAsync(() => reopened.FindComponent<MemberFilterPanel>().Instance.FilterChanged.InvokeAsync(MemberFilter.All));
        Assert.Equal("", new Uri(navigation.Uri).Query);
        reopened.WaitForAssertion(() => Assert.StartsWith("5", reopened.Find("[data-testid=member-count]").TextContent.Trim()));

        // A link to the list with another filter while it is open (a nav link, back / forward) shows that filter.
        navigation.NavigateTo("/members?link=linked");
        reopened.WaitForAssertion(() => Assert.StartsWith("2", reopened.Find("[data-testid=member-count]").TextContent.Trim()));
        Assert.Equal(LinkState.Linked, reopened.FindComponent<MemberFilterPanel>().Instance.Filter.Link);
    }

    [Fact]
    public async Task An_unreadable_value_in_the_url_is_named_and_the_rest_of_the_filter_applies()
    {
        var bot = await SignedInBotAsync();
        var connection = await Seed.ConnectionAsync(bot, CartKind.Repeatst);
        var members = await Seed.MembersAsync(bot, 3, Now.AddDays(-30));
        await Seed.LinkAsync(bot, connection, members.Take(1));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/members?ordersMin=abc&link=linked&utm_source=line");

        var page = Render<MemberListPage>();

        page.WaitForAssertion(() => Assert.StartsWith("1", page.Find("[data-testid=member-count]").TextContent.Trim()));
        Assert.Contains("「ordersMin=abc」を読み取れなかった", page.Find("[data-testid=filter-query-unread]").TextContent);
        Assert.Equal(LinkState.Linked, page.FindComponent<MemberFilterPanel>().Instance.Filter.Link);
    }
}
