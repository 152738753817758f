using Bunit;
using Ecai.Domain.Line;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Broadcasts;
using Ecai.Tests.Domain.Messaging;
using Ecai.Tests.Support;
using Ecai.Tests.Web.Components;
using Ecai.Web.Components.Pages.Broadcasts;
using Ecai.Web.Components.Pages.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Web.Broadcasts;

public sealed class BroadcastPageTests : ComponentTest
{
    private readonly FakeLine _line = new() { Quota = new LineQuota(Limit: 1_000, Used: 990) };

    protected override void AddServices(IServiceCollection services) => services.AddSingleton<ILineMessenger>(_line);

    private async Task<int> BotWithMembersAsync(int members, int blocked)
    {
        var bot = await SignedInBotAsync();
        var errors = await Services.GetRequiredService<LineChannels>().SetUpAsync(bot,
            new LineChannelSettings("1234567890", "0123456789abcdef0123456789abcdef", "token-x", null));
        Assert.Empty(errors);
        var ids = await Seed.MembersAsync(bot, members);
        await using var db = Db.CreateDbContext();
        await db.Members.Where(m => ids.Take(blocked).Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsBlocked, true));
        return bot;
    }

    [Fact]
    public async Task The_create_page_shows_the_recipients_and_the_months_remaining_quota_and_warns_when_it_would_be_exceeded()
    {
        await BotWithMembersAsync(members: 14, blocked: 2);

        var page = Render<BroadcastCreatePage>();

        page.WaitForAssertion(() => Assert.Equal("12人", page.Find("[data-testid=recipient-count]").TextContent.Replace(" ", "").Trim()));
        Assert.Contains("配信メッセージ数(見込み): 12通", page.Find("[data-testid=quota-remaining]").TextContent);
        Assert.Contains("今月の残り配信数: 10通", page.Find("[data-testid=quota-remaining]").TextContent);
        Assert.Contains("今月の残り配信数を超えます", page.Find("[data-testid=quota-warning]").TextContent);

        var panel = page.FindComponent<MemberFilterPanel>();
        await page.InvokeAsync(() => panel.Instance.FilterChanged.InvokeAsync(new Ecai.Domain.Members.MemberFilter { FriendFrom = new DateOnly(2030, 1, 1) }));
        page.WaitForAssertion(() => Assert.Equal("0人", page.Find("[data-testid=recipient-count]").TextContent.Replace(" ", "").Trim()));
        Assert.Empty(page.FindAll("[data-testid=quota-warning]"));
    }

    [Fact]
    public async Task A_past_time_is_refused_and_a_future_one_can_be_scheduled()
    {
        var bot = await BotWithMembersAsync(members: 3, blocked: 0);
        var page = Render<BroadcastCreatePage>();
        page.WaitForAssertion(() => Assert.Equal("3人", page.Find("[data-testid=recipient-count]").TextContent.Replace(" ", "").Trim()));
        page.Find("#broadcast-title").Change("冬のセール");
        page.Find("[data-testid=editor-text]").Input("{name}さん、セールです");
        await page.Find("input[data-testid=broadcast-scheduled]").ChangeAsync(true);

        page.Find("#broadcast-at-day").Change("2026/11/26");
        Assert.Empty(page.FindAll("[data-testid=schedule-error]")); // no time yet: nothing to judge, and nothing to send
        Assert.True(page.Find("[data-testid=broadcast-send]").HasAttribute("disabled"));
        page.Find("#broadcast-at-time").Change("17:59"); // now is 18:00 JST

        page.WaitForAssertion(() => Assert.Contains("過去の日時は指定できません(現在 2026/11/26 18:00)", page.Find("[data-testid=schedule-error]").TextContent));
        Assert.True(page.Find("[data-testid=broadcast-send]").HasAttribute("disabled"));

        page.Find("#broadcast-at-time").Change("20:30");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=schedule-error]")));
        Assert.False(page.Find("[data-testid=broadcast-send]").HasAttribute("disabled"));
        Assert.Equal("予約", page.Find("[data-testid=broadcast-send]").TextContent.Trim());
        Assert.Empty(await Services.GetRequiredService<Ecai.Domain.Messaging.Broadcasts.Broadcasts>().ListAsync(bot, CancellationToken.None));
    }

    [Fact]
    public async Task The_list_shows_each_broadcasts_state_and_ledger_counts_and_offers_to_cancel_a_scheduled_one()
    {
        var bot = await BotWithMembersAsync(members: 3, blocked: 1);
        var broadcasts = Services.GetRequiredService<Ecai.Domain.Messaging.Broadcasts.Broadcasts>();
        var content = new MessageContent([new Bubble { Kind = BubbleKind.Text, Text = "お知らせ" }]);
        await broadcasts.CreateAsync(bot, new BroadcastRequest("今すぐの配信", content, null, null), "運用 太郎", CancellationToken.None);
        await Services.GetRequiredService<DeliveryDispatcher>().DispatchAsync(bot, CancellationToken.None);
        await broadcasts.CreateAsync(bot, new BroadcastRequest("予約の配信", content, null, Now.AddDays(1)), "運用 太郎", CancellationToken.None);

        var page = Render<BroadcastListPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=broadcast-row]").Count));
        var rows = page.FindAll("[data-testid=broadcast-row]");
        Assert.Contains("予約中", rows[0].TextContent);
        Assert.Contains("配信中", rows[1].TextContent); // done once the next planner run sees nothing pending
        Assert.Equal("2", rows[1].QuerySelector("[data-testid=broadcast-sent]")!.TextContent.Trim());
        Assert.NotNull(rows[0].QuerySelector("[data-testid=broadcast-cancel]"));
    }
}
