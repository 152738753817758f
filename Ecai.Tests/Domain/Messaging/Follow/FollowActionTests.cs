using System.Text.Json.Nodes;
using Ecai.Domain.Line;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Follow;
using Ecai.Domain.Tags;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Ecai.Tests.Domain.Messaging.Follow.FollowShop;

namespace Ecai.Tests.Domain.Messaging.Follow;

public sealed class FollowActionTests : IAsyncLifetime
{
    private DomainFixture _f = null!;

    public async Task InitializeAsync() => _f = await DomainFixture.CreateAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private async Task<(FollowShop Shop, long Hanako, int Bought, int Prospect, Delivery Delivery)> SentSetupAsync(string? richMenu = null)
    {
        var shop = await FollowShop.CreateAsync(_f);
        var bought = await shop.TagAsync("購入済");
        var prospect = await shop.TagAsync("見込み");
        var hanako = await shop.MemberAsync("hanako");
        await shop.GiveTagAsync(hanako, prospect);
        await using (var db = _f.Db.CreateDbContext())
            await db.Members.Where(m => m.Id == hanako).ExecuteUpdateAsync(s => s.SetProperty(m => m.Points, 10));
        shop.Clock.SetUtcNow(Jst(2026, 11, 26, 10, 0));
        await shop.OrderAsync("hanako", "SERUM", Jst(2026, 11, 26, 9, 0));
        var scenario = Scenario(1, 10);
        (scenario.AddTagId, scenario.RemoveTagId, scenario.Points, scenario.RichMenuId) = (bought, prospect, 100, richMenu);
        await shop.FollowAsync("アクション付き", "SERUM", scenario);
        await shop.PlanAsync();
        return (shop, hanako, bought, prospect, Assert.Single(await shop.DeliveriesAsync()));
    }

    [Fact]
    public async Task Actions_after_sending_apply_once_even_when_the_batch_is_retried()
    {
        var (shop, hanako, bought, prospect, delivery) = await SentSetupAsync();

        await shop.SentAsync([delivery.Id]);
        await shop.SentAsync([delivery.Id]);

        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(110, await db.Members.Where(m => m.Id == hanako).Select(m => m.Points).SingleAsync());
        Assert.Equal([bought], await db.MemberTags.Where(t => t.MemberId == hanako).Select(t => t.TagId).ToListAsync());
        var events = await db.MemberEvents.Where(e => e.MemberId == hanako).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([(MemberEventKind.TagAdded, bought), (MemberEventKind.TagRemoved, prospect)],
            events.Select(e => (e.Kind, e.TagId!.Value)).ToList());
        Assert.All(events, e => Assert.Equal(TagCause.Message, e.Cause));
    }

    [Fact]
    public async Task Points_taken_by_an_action_never_go_below_zero()
    {
        var shop = await FollowShop.CreateAsync(_f);
        var hanako = await shop.MemberAsync("hanako");
        shop.Clock.SetUtcNow(Jst(2026, 11, 26, 10, 0));
        await shop.OrderAsync("hanako", "SERUM", Jst(2026, 11, 26, 9, 0));
        var scenario = Scenario(1, 10);
        scenario.Points = -30;
        await shop.FollowAsync("ポイント減算", "SERUM", scenario);
        await shop.PlanAsync();

        await shop.SentAsync([Assert.Single(await shop.DeliveriesAsync()).Id]);

        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(0, await db.Members.Where(m => m.Id == hanako).Select(m => m.Points).SingleAsync());
    }

    [Fact]
    public async Task The_rich_menu_is_linked_after_the_transaction_and_retried_on_the_next_run_when_it_failed()
    {
        var (shop, _, _, _, delivery) = await SentSetupAsync(richMenu: "richmenu-gold");
        var channels = new LineChannels(_f.Db, _f.Protection);
        Assert.Empty(await channels.SetUpAsync(shop.BotId, new LineChannelSettings("1650000000", new string('a', 32), "token-abc", null)));
        var messenger = new FlakyRichMenus { FailuresLeft = 1 };
        var links = new FollowRichMenus(_f.Db, channels, messenger, shop.Clock);

        await shop.SentAsync([delivery.Id]);
        await shop.SentAsync([delivery.Id]);
        Assert.Equal(0, await links.LinkPendingAsync(shop.BotId, CancellationToken.None));
        Assert.Equal(1, await links.LinkPendingAsync(shop.BotId, CancellationToken.None));
        Assert.Equal(0, await links.LinkPendingAsync(shop.BotId, CancellationToken.None));

        Assert.Equal([("token-abc", "Uhanako", "richmenu-gold"), ("token-abc", "Uhanako", "richmenu-gold")], messenger.Calls);
        await using var db = _f.Db.CreateDbContext();
        var action = await db.Set<FollowAction>().SingleAsync();
        Assert.Equal((2, (string?)null), (action.RichMenuAttempts, action.RichMenuError));
        Assert.NotNull(action.RichMenuLinkedAt);
    }

    [Fact]
    public async Task A_tag_used_by_a_follow_message_action_cannot_be_deleted()
    {
        var (shop, _, bought, _, _) = await SentSetupAsync();
        var catalog = new TagCatalog(_f.Db, _f.Live, shop.Clock);

        var reason = await catalog.DeleteAsync(shop.BotId, bought, CancellationToken.None);

        Assert.Equal("引上フォローメッセージ(1件)で使われているため削除できません。", reason);
        await using var db = _f.Db.CreateDbContext();
        Assert.True(await db.Tags.AnyAsync(t => t.Id == bought));
    }

    [Fact]
    public async Task Editing_a_scenario_keeps_its_id_stores_new_content_and_moves_its_untried_deliveries()
    {
        var shop = await FollowShop.CreateAsync(_f);
        await shop.MemberAsync("hanako");
        shop.Clock.SetUtcNow(Jst(2026, 11, 26, 10, 0));
        await shop.OrderAsync("hanako", "SERUM", Jst(2026, 11, 26, 9, 0));
        var id = await shop.FollowAsync("編集", "SERUM", Scenario(2, 10, text: "旧"));
        await shop.PlanAsync();
        var before = Assert.Single(await shop.DeliveriesAsync());

        var draft = (await shop.Messages.GetAsync(shop.BotId, id, CancellationToken.None))!;
        draft.Scenarios[0].DaysAfter = 3;
        draft.Scenarios[0].AtTime = new TimeOnly(18, 30);
        draft.Scenarios[0].Content = new MessageContent([new Bubble { Kind = BubbleKind.Text, Text = "新" }]);
        await shop.FollowAsync(draft);

        var after = Assert.Single(await shop.DeliveriesAsync());
        Assert.Equal(before.SourceId, after.SourceId);
        Assert.NotEqual(before.MessageId, after.MessageId);
        Assert.Equal(Jst(2026, 11, 29, 18, 30), after.DueAt);
        await using var db = _f.Db.CreateDbContext();
        string? Text(long id) => MessageContent.Parse(db.StoredMessages.Single(m => m.Id == id).ContentJson).Bubbles[0].Text;
        Assert.Equal(("新", "旧"), (Text(after.MessageId), Text(before.MessageId)));
    }

    private sealed class FlakyRichMenus : ILineMessenger
    {
        public int FailuresLeft { get; set; }
        public List<(string Token, string User, string Menu)> Calls { get; } = [];

        public Task<bool> LinkRichMenuAsync(string accessToken, string userId, string richMenuId, CancellationToken ct)
        {
            Calls.Add((accessToken, userId, richMenuId));
            return Task.FromResult(FailuresLeft-- <= 0);
        }

        public Task<PushResult> PushAsync(string accessToken, string to, JsonArray messages, Guid retryKey, CancellationToken ct) => throw new NotSupportedException();
        public Task<PushResult> MulticastAsync(string accessToken, IReadOnlyList<string> to, JsonArray messages, Guid retryKey, CancellationToken ct) => throw new NotSupportedException();
        public Task<bool> UnlinkRichMenuAsync(string accessToken, string userId, CancellationToken ct) => throw new NotSupportedException();
        public Task<LineQuota> QuotaAsync(string accessToken, CancellationToken ct) => throw new NotSupportedException();
    }
}
