using Bunit;
using Ecai.Domain.Carts;
using Ecai.Domain.Jobs;
using Ecai.Domain.Realtime;
using Ecai.Web.Components.Pages;

namespace Ecai.Tests.Web.Components;

public sealed class HomeTests : ComponentTest
{
    [Fact]
    public async Task Shows_friends_linked_friends_and_share_of_the_current_bot_only()
    {
        var bot = await SignedInBotAsync();
        var members = await Seed.MembersAsync(bot, 8);
        var ecforce = await Seed.ConnectionAsync(bot);
        var shopify = await Seed.ConnectionAsync(bot, Ecai.Domain.Carts.CartKind.Shopify, "example.myshopify.com");
        await Seed.LinkAsync(bot, ecforce, members.Take(3));
        await Seed.LinkAsync(bot, ecforce, members.Take(1));          // a second customer of the same member
        await Seed.LinkAsync(bot, shopify, members.Skip(2).Take(2));  // member 3 is linked in both carts
        var other = await Seed.BotAsync("別のショップ");
        await Seed.LinkAsync(other, await Seed.ConnectionAsync(other), await Seed.MembersAsync(other, 5));

        var page = Render<Home>();

        page.WaitForAssertion(() =>
        {
            Assert.Equal("8", page.Find("[data-testid=total-friends]").TextContent.Trim());
            Assert.Equal("4", page.Find("[data-testid=linked-friends]").TextContent.Trim());
            Assert.Equal("50.0%", page.Find("[data-testid=linked-share]").TextContent.Trim());
        });
        var perCart = page.FindAll("[data-testid=cart-row]");
        Assert.Equal(2, perCart.Count);
        Assert.Contains("ecforce", perCart[0].TextContent);
        Assert.Equal("3", perCart[0].QuerySelector("[data-testid=cart-linked]")!.TextContent.Trim());
        Assert.Contains("Shopify", perCart[1].TextContent);
        Assert.Equal("2", perCart[1].QuerySelector("[data-testid=cart-linked]")!.TextContent.Trim());
        Assert.All(page.FindAll("[data-testid=connection-state]"), s => Assert.Contains("連携済み", s.TextContent));
    }

    [Fact]
    public async Task Formats_large_counts_with_thousands_separators()
    {
        var bot = await SignedInBotAsync();
        var members = await Seed.MembersAsync(bot, 1234);
        await Seed.LinkAsync(bot, await Seed.ConnectionAsync(bot), members.Take(617));

        var page = Render<Home>();

        page.WaitForAssertion(() =>
        {
            Assert.Equal("1,234", page.Find("[data-testid=total-friends]").TextContent.Trim());
            Assert.Equal("617", page.Find("[data-testid=linked-friends]").TextContent.Trim());
            Assert.Equal("50.0%", page.Find("[data-testid=linked-share]").TextContent.Trim());
        });
    }

    [Fact]
    public async Task Says_what_to_do_when_nothing_is_connected_yet()
    {
        await SignedInBotAsync();

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal("0", page.Find("[data-testid=total-friends]").TextContent.Trim()));
        Assert.Equal("0.0%", page.Find("[data-testid=linked-share]").TextContent.Trim());
        Assert.Contains("外部連携", page.Find("[data-testid=no-carts]").TextContent);
        Assert.NotEmpty(page.Find("[data-testid=no-running-jobs]").TextContent);
    }

    [Fact]
    public async Task Reloads_the_counts_when_the_dashboard_changes()
    {
        var bot = await SignedInBotAsync();
        var members = await Seed.MembersAsync(bot, 4);
        var connection = await Seed.ConnectionAsync(bot);
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Equal("4", page.Find("[data-testid=total-friends]").TextContent.Trim()));

        members.AddRange(await Seed.MembersAsync(bot, 6));
        await Seed.LinkAsync(bot, connection, members.Take(5));
        Live.Publish(new DashboardChanged(bot));

        page.WaitForAssertion(() =>
        {
            Assert.Equal("10", page.Find("[data-testid=total-friends]").TextContent.Trim());
            Assert.Equal("5", page.Find("[data-testid=linked-friends]").TextContent.Trim());
            Assert.Equal("50.0%", page.Find("[data-testid=linked-share]").TextContent.Trim());
        });

        // A second change inside the 500 ms window is folded into one reload at the window's end.
        await Seed.MembersAsync(bot, 10);
        Live.Publish(new DashboardChanged(bot));
        await AdvancePastReloadsUntilAsync(() => page.Find("[data-testid=total-friends]").TextContent.Trim() == "20");
        page.WaitForAssertion(() => Assert.Equal("20", page.Find("[data-testid=total-friends]").TextContent.Trim()));
    }

    [Fact]
    public async Task Ignores_events_of_other_bots()
    {
        var bot = await SignedInBotAsync();
        await Seed.MembersAsync(bot, 2);
        var other = await Seed.BotAsync("別のショップ");
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-testid=total-friends]").TextContent.Trim()));

        await Seed.MembersAsync(bot, 3);
        Live.Publish(new DashboardChanged(other));
        Live.Publish(new JobProgressChanged(other, 99, "cart-pull", "カート取込", 10, null, JobState.Running, "顧客を取込中"));

        Assert.Equal("2", page.Find("[data-testid=total-friends]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=job-progress]"));
    }

    [Fact]
    public async Task Shows_a_running_job_with_live_progress_until_it_ends()
    {
        var bot = await SignedInBotAsync();
        var runId = await Seed.RunningJobAsync(bot);
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=job-progress]")));
        Assert.Contains("カート取込", page.Find("[data-testid=job-progress]").TextContent);

        Live.Publish(new JobProgressChanged(bot, runId, "cart-pull", "カート取込", 1234, 5000, JobState.Running, "受注を取込中"));

        page.WaitForAssertion(() =>
        {
            var job = page.Find("[data-testid=job-progress]");
            Assert.Contains("受注を取込中", job.TextContent);
            Assert.Contains("1,234件処理済み", job.TextContent);
            Assert.Contains("(24%)", job.TextContent);
        });

        await using (var db = Db.CreateDbContext())
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
                db.JobRuns, s => s.SetProperty(r => r.State, JobState.Succeeded));
        Live.Publish(new JobProgressChanged(bot, runId, "cart-pull", "カート取込", 5000, 5000, JobState.Succeeded, null));

        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-testid=job-progress]"));
            Assert.NotNull(page.Find("[data-testid=no-running-jobs]"));
        });
    }

    [Fact]
    public async Task A_job_that_starts_after_the_page_opened_appears_from_its_first_event()
    {
        var bot = await SignedInBotAsync();
        var page = Render<Home>();
        page.WaitForAssertion(() => page.Find("[data-testid=no-running-jobs]"));

        Live.Publish(new JobProgressChanged(bot, 42, "cart-pull", "カート取込", 0, null, JobState.Running, null));

        page.WaitForAssertion(() => Assert.Contains("0件処理済み", page.Find("[data-testid=job-progress]").TextContent));
    }

    [Fact]
    public async Task Shows_monthly_new_friends_and_how_many_of_them_are_linked_in_Japan_time()
    {
        var bot = await SignedInBotAsync();
        // 2026/11/01 00:30 JST is still October in UTC: it belongs to November.
        var november = await Seed.MembersAsync(bot, 3, new DateTimeOffset(2026, 10, 31, 15, 30, 0, TimeSpan.Zero));
        // 2026/10/31 23:30 JST belongs to October.
        await Seed.MembersAsync(bot, 2, new DateTimeOffset(2026, 10, 31, 14, 30, 0, TimeSpan.Zero));
        await Seed.LinkAsync(bot, await Seed.ConnectionAsync(bot), november.Take(2));

        var page = Render<Home>();

        page.WaitForAssertion(() =>
        {
            var months = page.FindAll("[data-testid=month-row]")
                .Select(r => string.Join(" ", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim())))
                .ToList();
            Assert.Equal(12, months.Count); // oldest first, ending with this JST month
            Assert.Equal("2025/12 0 0 0.0%", months[0]);
            Assert.Equal("2026/10 2 0 0.0%", months[^2]);
            Assert.Equal("2026/11 3 2 66.7%", months[^1]);
        });
    }

    [Fact]
    public async Task A_cart_in_error_gets_a_banner_with_its_message_and_a_way_to_integrations()
    {
        var bot = await SignedInBotAsync();
        await Seed.ConnectionAsync(bot, state: ConnectionState.Error, lastError: "ecforceにログインできませんでした。");
        await Seed.ConnectionAsync(bot, Ecai.Domain.Carts.CartKind.Shopify, "example.myshopify.com");

        var page = Render<Home>();

        page.WaitForAssertion(() =>
        {
            var banner = Assert.Single(page.FindAll("[data-testid=home-cart-error]"));
            Assert.Contains("ecforceの取込でエラーが発生しています: ecforceにログインできませんでした。", banner.TextContent);
            Assert.Equal("/integrations", banner.QuerySelector("a")!.GetAttribute("href"));
        });
    }
}
