using System.Text;
using Bunit;
using Ecai.Domain.Carts;
using Ecai.Domain.Line;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Chat;
using Ecai.Tests.Support;
using Ecai.Tests.Web.Components;
using Ecai.Web.Components.Pages.Chat;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace Ecai.Tests.Web.Messaging;

public sealed class ChatPageTests : ComponentTest
{
    private readonly RecordingSignal _signal = new();

    protected override void AddServices(IServiceCollection services)
    {
        services.AddSingleton<IDispatchSignal>(_signal);
        services.AddSingleton<ICartClientFactory>(new ScriptedCartClientFactory());
    }

    private async Task<(int Bot, long Member)> ChattingMemberAsync(bool blocked = false)
    {
        var bot = await SignedInBotAsync();
        await using var db = Db.CreateDbContext();
        var member = new Member { BotId = bot, LineUserId = "Uhanako", DisplayName = "はなこ", RegisteredName = "山田 花子", IsBlocked = blocked, FriendAddedAt = Now.AddDays(-30) };
        db.Members.Add(member);
        await db.SaveChangesAsync();
        db.ChatMessages.Add(new ChatMessage { BotId = bot, MemberId = member.Id, Incoming = true, Text = "商品はいつ届きますか？", SentAt = Now.AddMinutes(-5) });
        await db.SaveChangesAsync();
        return (bot, member.Id);
    }

    private LineWebhook Webhook() =>
        new(Db, Live, Clock, Services.GetRequiredService<LineChannels>(), new NoProfiles(), NullLogger<LineWebhook>.Instance);

    /// <summary>山田 花子 wrote; 佐藤 (phone, e-mail) and 鈴木 (a linked cart customer numbered 10023, blocked) never did.</summary>
    private async Task<(int Bot, long Hanako, long Sato, long Suzuki)> FriendsAsync()
    {
        var (bot, hanako) = await ChattingMemberAsync();
        await using var db = Db.CreateDbContext();
        var sato = new Member
        {
            BotId = bot, LineUserId = "Usato", DisplayName = "さとう", RegisteredName = "佐藤 一郎", FriendAddedAt = Now.AddDays(-3),
            PhoneRaw = "090-1234-5678", PhoneNormalized = "+819012345678", EmailRaw = "Sato@Example.jp", EmailNormalized = "sato@example.jp",
        };
        var suzuki = new Member { BotId = bot, LineUserId = "Usuzuki", DisplayName = "すずき", FriendAddedAt = Now.AddDays(-2), IsBlocked = true };
        db.Members.AddRange(sato, suzuki);
        await db.SaveChangesAsync();
        var connection = await Seed.ConnectionAsync(bot);
        await Seed.LinkAsync(bot, connection, [suzuki.Id]);
        await db.CartCustomers.Where(c => c.BotId == bot).ExecuteUpdateAsync(u => u.SetProperty(c => c.Number, "10023"));
        return (bot, hanako, sato.Id, suzuki.Id);
    }

    [Fact]
    public async Task New_talk_finds_any_friend_by_name_phone_email_or_customer_number()
    {
        var (bot, hanako, sato, suzuki) = await FriendsAsync();
        var chat = Services.GetRequiredService<ChatConversations>();
        async Task<long[]> Found(string text) => (await chat.FindFriendsAsync(bot, text, CancellationToken.None)).Select(f => f.MemberId).ToArray();

        Assert.Equal([hanako], await Found("花子"));
        Assert.Equal([sato], await Found("さとう"));
        Assert.Equal([sato], await Found("090 1234 5678"));
        Assert.Equal([sato], await Found("SATO@example.JP"));
        Assert.Equal([suzuki], await Found("10023"));
        Assert.Empty(await Found("1002"));
        Assert.Empty(await Found("   "));
        Assert.Empty(await Found("%"));
        Assert.Empty(await chat.FindFriendsAsync(bot + 1000, "花子", CancellationToken.None)); // another bot's friends are not found
    }

    [Fact]
    public async Task Picking_a_friend_who_never_wrote_opens_an_empty_talk_to_reply_in()
    {
        var (_, _, sato, _) = await FriendsAsync();
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = Render<ChatPage>();
        page.WaitForElement("[data-testid=chat-list-item]");

        var search = page.FindComponent<MudAutocomplete<FriendMatch>>();
        var searchFunc = search.Instance.SearchFunc;
        Assert.NotNull(searchFunc);
        var searching = searchFunc("佐藤", CancellationToken.None);
        Assert.NotNull(searching);
        var found = await searching;
        var friend = Assert.Single(found ?? []);
        await page.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync(friend));

        Assert.EndsWith($"/chat/{sato}", navigation.Uri);
        var talk = Render<ChatPage>(p => p.Add(x => x.MemberId, sato));
        talk.WaitForAssertion(() => Assert.Equal("佐藤 一郎", talk.Find("[data-testid=chat-member-name]").TextContent));
        Assert.Single(talk.FindAll("[data-testid=chat-list-item]")); // not in the list until a message is exchanged
        Assert.False(talk.Find("[data-testid=chat-reply] textarea, textarea#chat-reply").HasAttribute("disabled"));
    }

    [Fact]
    public async Task The_list_and_the_conversation_show_and_a_reply_goes_out_as_pending_then_shows_its_state()
    {
        var (bot, member) = await ChattingMemberAsync();
        var page = Render<ChatPage>(p => p.Add(x => x.MemberId, member));

        var item = page.WaitForElement("[data-testid=chat-list-item]");
        Assert.Contains("山田 花子", item.TextContent);
        Assert.Single(page.FindAll("[data-testid=chat-awaiting]"));
        Assert.Equal("商品はいつ届きますか？", page.Find("[data-testid=chat-in] [data-testid=line-text]").TextContent);

        page.Find("textarea#chat-reply").Input("{name}様、明日お届けします。");
        page.Find("[data-testid=chat-send]").Click();

        page.WaitForAssertion(() => Assert.Equal("山田 花子様、明日お届けします。", page.Find("[data-testid=chat-out] [data-testid=line-text]").TextContent));
        Assert.Equal("送信待ち", page.Find("[data-testid=chat-state]").TextContent);
        Assert.Single(_signal.Woken);
        Assert.Empty(page.FindAll("[data-testid=chat-awaiting]"));

        await using (var db = Db.CreateDbContext())
            await db.Deliveries.ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Sent));
        Live.Publish(new Ecai.Domain.Realtime.MemberChanged(bot, member)); // any later event of the bot redraws the states
        await AdvancePastReloadsUntilAsync(() => page.Find("[data-testid=chat-state]").TextContent == "送信済み");
        page.WaitForAssertion(() => Assert.Equal("送信済み", page.Find("[data-testid=chat-state]").TextContent));
    }

    [Fact]
    public async Task A_reply_shows_the_operator_who_sent_it()
    {
        var (_, member) = await ChattingMemberAsync(); // signed in as 運用 太郎
        var page = Render<ChatPage>(p => p.Add(x => x.MemberId, member));
        page.WaitForElement("[data-testid=chat-in]");
        Assert.Empty(page.FindAll("[data-testid=chat-sender]"));

        page.Find("textarea#chat-reply").Input("確認いたします。");
        page.Find("[data-testid=chat-send]").Click();

        page.WaitForAssertion(() => Assert.Equal("送信者: 運用 太郎", page.Find("[data-testid=chat-out] [data-testid=chat-sender]").TextContent));
        await using var db = Db.CreateDbContext();
        Assert.Equal("op-1", await db.ChatMessages.Where(c => !c.Incoming).Select(c => c.OperatorId).SingleAsync());
    }

    [Fact]
    public async Task An_incoming_webhook_message_appears_live_in_the_open_conversation_and_the_list()
    {
        var (bot, member) = await ChattingMemberAsync();
        var page = Render<ChatPage>(p => p.Add(x => x.MemberId, member));
        page.WaitForElement("[data-testid=chat-in]");
        page.Find("textarea#chat-reply").Input("返信を書いている途中");

        var body = Encoding.UTF8.GetBytes($$$"""
            {"destination":"Ubot","events":[{"type":"message","mode":"active","timestamp":{{{Now.ToUnixTimeMilliseconds()}}},
             "source":{"type":"user","userId":"Uhanako"},"webhookEventId":"01HZZZ","deliveryContext":{"isRedelivery":false},
             "message":{"id":"555","type":"text","text":"追加で質問です\nよろしくお願いします"}}]}
            """);
        await Webhook().HandleAsync(bot, body, CancellationToken.None);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=chat-in]").Count));
        Assert.Equal("追加で質問です\nよろしくお願いします", page.FindAll("[data-testid=chat-in] [data-testid=line-text]")[1].TextContent);
        Assert.Contains("追加で質問です", page.Find("[data-testid=chat-list-item]").TextContent);
        Assert.Equal("返信を書いている途中", page.Find("textarea#chat-reply").GetAttribute("value") ?? page.Find("textarea#chat-reply").TextContent);
    }

    [Fact]
    public async Task A_blocked_member_cannot_be_replied_to()
    {
        var (_, member) = await ChattingMemberAsync(blocked: true);
        var page = Render<ChatPage>(p => p.Add(x => x.MemberId, member));

        page.WaitForElement("[data-testid=chat-in]");

        Assert.Contains("ブロック中", page.Markup);
        Assert.True(page.Find("[data-testid=chat-send]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task The_purchase_panel_links_each_cart_customer_to_its_page_in_the_cart_admin()
    {
        var (bot, member) = await ChattingMemberAsync();
        var connection = await Seed.ConnectionAsync(bot, CartKind.Ecforce, "shop.example.jp");
        await Seed.LinkAsync(bot, connection, [member]);
        await using (var db = Db.CreateDbContext())
        {
            var customer = await db.CartCustomers.SingleAsync();
            db.CartOrders.Add(new CartOrder
            {
                ConnectionId = connection, ExternalId = "O-1", CustomerExternalId = customer.ExternalId, OrderedAt = Now.AddDays(-2), Amount = 3980,
                ShippedAt = Now.AddDays(-1), UpdatedAt = Now,
                Items = [new CartOrderItem { ConnectionId = connection, OrderExternalId = "O-1", LineNo = 1, ProductCode = "P", ProductName = "酵素ドリンク" }],
            });
            await db.SaveChangesAsync();
        }

        var page = Render<ChatPage>(p => p.Add(x => x.MemberId, member));

        var link = page.WaitForElement("[data-testid=chat-customer-link]");
        Assert.StartsWith("https://shop.example.jp/customers/", link.GetAttribute("href"));
        Assert.Contains("酵素ドリンク", page.Find("[data-testid=chat-orders]").TextContent);
        Assert.Contains("¥3,980", page.Find("[data-testid=chat-purchase-summary]").TextContent);
    }

    [Fact]
    public async Task Without_a_member_the_page_lists_conversations_and_asks_to_pick_one()
    {
        await ChattingMemberAsync();
        var page = Render<ChatPage>();

        page.WaitForElement("[data-testid=chat-list-item]");
        Assert.Contains("左の一覧から友だちを選んでください。", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=chat-conversation]"));
    }

    private sealed class RecordingSignal : IDispatchSignal
    {
        private readonly List<int> _woken = [];
        public IReadOnlyList<int> Woken { get { lock (_woken) return [.. _woken]; } }
        public void Wake(int botId) { lock (_woken) _woken.Add(botId); }
    }

    private sealed class NoProfiles : ILineMessaging
    {
        public Task<LineProfile?> GetProfileAsync(string accessToken, string userId, CancellationToken ct) => Task.FromResult<LineProfile?>(null);
    }
}
