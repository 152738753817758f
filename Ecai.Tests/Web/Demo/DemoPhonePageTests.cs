using Bunit;
using Ecai.Tests.Web.Components;
using Ecai.Web.Components.Pages.Demo;
using Ecai.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Web.Demo;

public sealed class DemoPhonePageTests : ComponentTest
{
    protected override void AddServices(IServiceCollection services)
    {
        Demo.Enabled = true;
        services.AddSingleton<DemoLine>();
    }

    [Fact]
    public async Task Shows_what_the_picked_friend_received_on_line_and_a_new_message_without_reloading()
    {
        var bot = await SignedInBotAsync();
        var members = await Seed.MembersAsync(bot, 2);
        await using var db = Db.CreateDbContext();
        var users = await db.Members.Where(m => members.Contains(m.Id)).OrderBy(m => m.Id).Select(m => m.LineUserId).ToListAsync();
        var store = Services.GetRequiredService<DemoLine>().Store;
        store.Accept("token", null, "req-1", [users[0]], """[{"type":"text","text":"友だち追加ありがとうございます"}]""", 1);
        store.Accept("token", null, "req-2", [users[1]], """[{"type":"text","text":"別の友だちへのお知らせ"}]""", 1);

        var page = Render<DemoPhonePage>(p => p.Add(x => x.MemberId, members[0]));

        page.WaitForAssertion(() => Assert.Contains("友だち追加ありがとうございます", page.Find("[data-testid=demo-phone]").TextContent));
        Assert.DoesNotContain("別の友だちへのお知らせ", page.Find("[data-testid=demo-phone]").TextContent);
        Assert.Equal(2, page.FindAll("[data-testid=demo-phone-friend] .mud-chip").Count); // each friend: 1件

        store.Accept("token", null, "req-3", [users[0]], """[{"type":"text","text":"クーポンのご案内"}]""", 1);
        page.WaitForAssertion(() => Assert.Contains("クーポンのご案内", page.Find("[data-testid=demo-phone]").TextContent), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Without_a_friend_picked_it_asks_for_one()
    {
        await SignedInBotAsync();

        var page = Render<DemoPhonePage>();

        page.WaitForElement("[data-testid=demo-phone-pick]");
    }
}
