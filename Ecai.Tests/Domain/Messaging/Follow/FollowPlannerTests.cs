using Ecai.Domain.Carts;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Follow;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Ecai.Tests.Domain.Messaging.Follow.FollowShop;

namespace Ecai.Tests.Domain.Messaging.Follow;

public sealed class FollowPlannerTests : IAsyncLifetime
{
    private DomainFixture _f = null!;

    public async Task InitializeAsync() => _f = await DomainFixture.CreateAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_shipping_date_imported_late_still_sends_what_has_not_passed_and_skips_what_has()
    {
        // Seed example: shipped 11/25, registered on 11/26; "2 days after at 18:00" → 11/27 18:00; "0 days after at 18:00" has passed.
        var shop = await FollowShop.CreateAsync(_f);
        await shop.MemberAsync("hanako");
        shop.Clock.SetUtcNow(Jst(2026, 11, 26, 10, 0));
        await shop.OrderAsync("hanako", "SERUM", shippedAt: Jst(2026, 11, 25, 15, 0));
        await shop.FollowAsync("美容液フォロー", "SERUM", Scenario(0, 18), Scenario(2, 18));

        Assert.Equal(2, await shop.PlanAsync());

        var deliveries = await shop.DeliveriesAsync();
        var sameDay = deliveries.Single(d => d.DueAt == Jst(2026, 11, 25, 18, 0));
        Assert.Equal((DeliveryState.Skipped, DeliverySkipReason.TimePassed), (sameDay.State, sameDay.SkipReason));
        var twoDays = deliveries.Single(d => d.DueAt == Jst(2026, 11, 27, 18, 0));
        Assert.Equal((DeliveryState.Pending, (DeliverySkipReason?)null), (twoDays.State, twoDays.SkipReason));
        Assert.All(deliveries, d => Assert.Equal(DeliverySource.Follow, d.Source));
    }

    [Fact]
    public async Task A_shipping_date_known_in_time_sends_on_the_shipping_day_itself()
    {
        var shop = await FollowShop.CreateAsync(_f);
        await shop.MemberAsync("hanako");
        shop.Clock.SetUtcNow(Jst(2026, 11, 25, 9, 0));
        await shop.OrderAsync("hanako", "SERUM", shippedAt: Jst(2026, 11, 25, 8, 0));
        await shop.FollowAsync("当日フォロー", "SERUM", Scenario(0, 18));

        await shop.PlanAsync();

        var delivery = Assert.Single(await shop.DeliveriesAsync());
        Assert.Equal((DeliveryState.Pending, Jst(2026, 11, 25, 18, 0)), (delivery.State, delivery.DueAt));
    }

    [Theory]
    // Shipped 01/31 23:30 JST (14:30 UTC, still the 31st in UTC too): 1 day after 06:00 → 02/01 06:00 JST.
    [InlineData("2027-01-31T14:30:00Z", 1, 6, "2027-02-01T06:00:00+09:00")]
    // Shipped 02/01 00:30 JST (01/31 15:30 UTC): the JST date is the 1st, so 02/02 06:00 JST.
    [InlineData("2027-01-31T15:30:00Z", 1, 6, "2027-02-02T06:00:00+09:00")]
    // 2027 is no leap year: 02/28 + 1 day → 03/01.
    [InlineData("2027-02-28T03:00:00Z", 1, 10, "2027-03-01T10:00:00+09:00")]
    // Year end in JST: 12/31 20:00 JST + 1 day at 00:00 → 01/01 00:00.
    [InlineData("2026-12-31T11:00:00Z", 1, 0, "2027-01-01T00:00:00+09:00")]
    public async Task Send_times_follow_the_japan_date_of_the_shipping_instant_on_a_utc_server(string shippedUtc, int days, int hour, string expected)
    {
        var shipped = DateTimeOffset.Parse(shippedUtc, System.Globalization.CultureInfo.InvariantCulture);
        var shop = await FollowShop.CreateAsync(_f);
        await shop.MemberAsync("hanako");
        shop.Clock.SetUtcNow(shipped.AddMinutes(1));
        await shop.OrderAsync("hanako", "SERUM", shippedAt: shipped);
        await shop.FollowAsync("境界", "SERUM", Scenario(days, hour));

        await shop.PlanAsync();

        var due = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(due, Assert.Single(await shop.DeliveriesAsync()).DueAt);
        Assert.Equal(due, FollowPlanner.DueAt(shipped, days, new TimeOnly(hour, 0)));
    }

    [Fact]
    public async Task Each_order_and_member_gets_the_best_priority_follow_message_whose_target_it_matches()
    {
        var shop = await FollowShop.CreateAsync(_f);
        var vip = await shop.TagAsync("VIP");
        var hanako = await shop.MemberAsync("hanako");
        var taro = await shop.MemberAsync("taro");
        await shop.GiveTagAsync(hanako, vip);
        shop.Clock.SetUtcNow(Jst(2026, 11, 26, 10, 0));
        await shop.OrderAsync("hanako", "SERUM", Jst(2026, 11, 26, 9, 0));
        await shop.OrderAsync("taro", "SERUM", Jst(2026, 11, 26, 9, 0));
        var general = await shop.FollowAsync("全員向け", "SERUM", Scenario(2, 10));
        var forVip = await shop.FollowAsync(new FollowDraft
        {
            Name = "VIP向け", ProductCode = "SERUM", Filter = new MemberFilter { TagsAll = [vip] }, Scenarios = [Scenario(3, 12), Scenario(5, 12)],
        });
        await shop.Messages.MoveAsync(shop.BotId, forVip, up: true, CancellationToken.None);

        await shop.PlanAsync();

        var deliveries = await shop.DeliveriesAsync();
        var vipScenarios = await shop.ScenarioIdsAsync(forVip);
        Assert.Equal(vipScenarios, deliveries.Where(d => d.MemberId == hanako).Select(d => d.SourceId).Order());
        Assert.Equal(await shop.ScenarioIdsAsync(general), deliveries.Where(d => d.MemberId == taro).Select(d => d.SourceId));
    }

    [Fact]
    public async Task What_was_planned_for_an_order_sticks_when_the_priorities_change_later()
    {
        var shop = await FollowShop.CreateAsync(_f);
        await shop.MemberAsync("hanako");
        shop.Clock.SetUtcNow(Jst(2026, 11, 26, 10, 0));
        await shop.OrderAsync("hanako", "SERUM", Jst(2026, 11, 26, 9, 0));
        var first = await shop.FollowAsync("一番目", "SERUM", Scenario(2, 10));
        var second = await shop.FollowAsync("二番目", "SERUM", Scenario(3, 10));
        await shop.PlanAsync();

        await shop.Messages.MoveAsync(shop.BotId, second, up: true, CancellationToken.None);
        await shop.OrderAsync("hanako", "SERUM", Jst(2026, 11, 26, 9, 30));
        await shop.PlanAsync();

        var deliveries = await shop.DeliveriesAsync();
        Assert.Equal(2, deliveries.Count);
        Assert.Equal((await shop.ScenarioIdsAsync(first)).Single(), deliveries[0].SourceId);
        Assert.Equal((await shop.ScenarioIdsAsync(second)).Single(), deliveries[1].SourceId);
    }

    [Fact]
    public async Task An_nth_delivery_follow_message_plans_only_orders_of_that_delivery()
    {
        var shop = await FollowShop.CreateAsync(_f);
        await shop.MemberAsync("hanako");
        shop.Clock.SetUtcNow(Jst(2026, 11, 26, 10, 0));
        await shop.OrderAsync("hanako", "SERUM", Jst(2026, 11, 20, 9, 0), times: 1);
        var second = await shop.OrderAsync("hanako", "SERUM", Jst(2026, 11, 26, 9, 0), times: 2);
        await shop.FollowAsync(new FollowDraft { Name = "2回目", ProductCode = "SERUM", Times = 2, Scenarios = [Scenario(2, 10)] });

        await shop.PlanAsync();

        Assert.Equal(second, Assert.Single(await shop.DeliveriesAsync()).Occurrence);
    }

    [Fact]
    public async Task Members_outside_the_target_other_products_cancelled_and_old_orders_plan_nothing()
    {
        var shop = await FollowShop.CreateAsync(_f);
        var excluded = await shop.TagAsync("配信停止");
        var hanako = await shop.MemberAsync("hanako");
        await shop.MemberAsync("taro");
        await shop.GiveTagAsync(hanako, excluded);
        shop.Clock.SetUtcNow(Jst(2026, 11, 26, 10, 0));
        await shop.OrderAsync("hanako", "SERUM", Jst(2026, 11, 26, 9, 0));
        await shop.OrderAsync("taro", "SOAP", Jst(2026, 11, 26, 9, 0));
        await shop.OrderAsync("taro", "SERUM", Jst(2026, 11, 26, 9, 0), cancelled: true);
        await shop.OrderAsync("taro", "SERUM", Jst(2026, 11, 10, 9, 0));
        await shop.OrderAsync("taro", "SERUM", shippedAt: null);
        await shop.FollowAsync(new FollowDraft
        {
            Name = "停止以外", ProductCode = "SERUM", Filter = new MemberFilter { TagsNone = [excluded] }, Scenarios = [Scenario(3, 10)],
        });

        Assert.Equal(0, await shop.PlanAsync());
        Assert.Empty(await shop.DeliveriesAsync());
    }

    [Fact]
    public async Task Planning_again_writes_one_delivery_per_order_and_scenario_with_distinct_retry_keys()
    {
        var shop = await FollowShop.CreateAsync(_f);
        await shop.MemberAsync("hanako");
        await shop.MemberAsync("taro");
        shop.Clock.SetUtcNow(Jst(2026, 11, 26, 10, 0));
        await shop.OrderAsync("hanako", "SERUM", Jst(2026, 11, 26, 9, 0));
        await shop.OrderAsync("taro", "SERUM", Jst(2026, 11, 26, 9, 0));
        await shop.FollowAsync("フォロー", "SERUM", Scenario(1, 10), Scenario(7, 10));

        Assert.Equal(4, await shop.PlanAsync());
        shop.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await shop.PlanAsync());
        shop.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await shop.PlanAsync());

        var deliveries = await shop.DeliveriesAsync();
        Assert.Equal(4, deliveries.Count);
        Assert.Equal(4, deliveries.Select(d => d.RetryKey).Distinct().Count());
        Assert.DoesNotContain(Guid.Empty, deliveries.Select(d => d.RetryKey));
    }

    [Fact]
    public async Task A_switched_off_follow_message_plans_nothing_and_its_due_deliveries_are_stopped()
    {
        var shop = await FollowShop.CreateAsync(_f);
        await shop.MemberAsync("hanako");
        shop.Clock.SetUtcNow(Jst(2026, 11, 26, 10, 0));
        await shop.OrderAsync("hanako", "SERUM", Jst(2026, 11, 26, 9, 0));
        var follow = await shop.FollowAsync("フォロー", "SERUM", Scenario(1, 10));
        await shop.PlanAsync();
        var planned = Assert.Single(await shop.DeliveriesAsync());

        await shop.Messages.SetEnabledAsync(shop.BotId, follow, false, CancellationToken.None);
        await shop.OrderAsync("hanako", "SERUM", Jst(2026, 11, 26, 9, 30));
        Assert.Equal(0, await shop.PlanAsync());
        await shop.HookAsync([planned.Id], (db, tx, due) => shop.Source.BeforeSendAsync(db, tx, due, shop.Clock.GetUtcNow(), CancellationToken.None));

        var stopped = Assert.Single(await shop.DeliveriesAsync());
        Assert.Equal((DeliveryState.Skipped, DeliverySkipReason.Stopped), (stopped.State, stopped.SkipReason));
    }

    [Fact]
    public async Task A_pending_follow_delivery_of_an_order_cancelled_after_planning_is_not_sent()
    {
        var shop = await FollowShop.CreateAsync(_f);
        await shop.MemberAsync("hanako");
        await shop.MemberAsync("taro");
        shop.Clock.SetUtcNow(Jst(2026, 11, 26, 10, 0));
        var cancelledLater = await shop.OrderAsync("hanako", "SERUM", Jst(2026, 11, 26, 9, 0));
        await shop.OrderAsync("taro", "SERUM", Jst(2026, 11, 26, 9, 0));
        await shop.FollowAsync("フォロー", "SERUM", Scenario(1, 10));
        await shop.PlanAsync();
        var planned = await shop.DeliveriesAsync();
        Assert.Equal(2, planned.Count);

        // The next pull brings the cancellation (the import overwrites the order's state).
        await using (var db = _f.Db.CreateDbContext())
            await db.CartOrders.Where(o => o.Id == cancelledLater).ExecuteUpdateAsync(s => s.SetProperty(o => o.Cancelled, true));
        await shop.HookAsync([.. planned.Select(d => d.Id)], (db, tx, due) => shop.Source.BeforeSendAsync(db, tx, due, shop.Clock.GetUtcNow(), CancellationToken.None));

        var after = (await shop.DeliveriesAsync()).ToDictionary(d => d.Occurrence);
        Assert.Equal((DeliveryState.Skipped, DeliverySkipReason.OrderCancelled), (after[cancelledLater].State, after[cancelledLater].SkipReason));
        Assert.Equal(DeliveryState.Pending, after.Single(d => d.Key != cancelledLater).Value.State);
    }

    [Fact]
    public async Task Due_deliveries_of_a_follow_message_that_is_on_are_left_to_send()
    {
        var shop = await FollowShop.CreateAsync(_f);
        await shop.MemberAsync("hanako");
        shop.Clock.SetUtcNow(Jst(2026, 11, 26, 10, 0));
        await shop.OrderAsync("hanako", "SERUM", Jst(2026, 11, 26, 9, 0));
        await shop.FollowAsync("フォロー", "SERUM", Scenario(1, 10));
        await shop.PlanAsync();
        var planned = Assert.Single(await shop.DeliveriesAsync());

        await shop.HookAsync([planned.Id], (db, tx, due) => shop.Source.BeforeSendAsync(db, tx, due, shop.Clock.GetUtcNow(), CancellationToken.None));

        Assert.Equal(DeliveryState.Pending, Assert.Single(await shop.DeliveriesAsync()).State);
    }

    [Fact]
    public async Task Follow_messages_of_a_cart_without_shipping_dates_are_refused()
    {
        var shop = await FollowShop.CreateAsync(_f, CartKind.Shopify);

        var (errors, _) = await shop.Messages.SaveAsync(shop.BotId,
            new FollowDraft { Name = "Shopify", ConnectionId = shop.ConnectionId, ProductCode = "SERUM", Scenarios = [Scenario(1, 10)] }, CancellationToken.None);

        Assert.Contains(errors, e => e.Contains("発送日を連携しないため", StringComparison.Ordinal));
        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(0, await db.Set<FollowMessage>().CountAsync());
    }

    [Fact]
    public async Task A_product_that_is_not_the_carts_and_an_empty_message_are_refused_in_japanese()
    {
        var shop = await FollowShop.CreateAsync(_f);

        var (errors, _) = await shop.Messages.SaveAsync(shop.BotId, new FollowDraft
        {
            Name = " ", ConnectionId = shop.ConnectionId, ProductCode = "NOPE", Scenarios = [new FollowScenarioDraft { DaysAfter = -1 }],
        }, CancellationToken.None);

        Assert.Contains("メッセージ管理名を入力してください。", errors);
        Assert.Contains("シナリオ1: 配信日は発送完了日の0〜365日後で指定してください。", errors);
        Assert.Contains("シナリオ1: 吹き出しを1つ以上入れてください。", errors);
        Assert.Contains("トリガー商品がこのカートの商品にありません。", errors);
    }

    [Fact]
    public async Task An_order_read_before_its_customer_was_linked_or_its_product_became_a_trigger_is_planned_later()
    {
        var shop = await FollowShop.CreateAsync(_f);
        await shop.MemberAsync("hanako");
        shop.Clock.SetUtcNow(Jst(2026, 11, 26, 10, 0));
        await shop.FollowAsync("石けん", "SOAP", Scenario(2, 10));
        var serum = await shop.OrderAsync("hanako", "SERUM", Jst(2026, 11, 26, 9, 0));
        var unlinked = await shop.OrderAsync("taro", "SOAP", Jst(2026, 11, 26, 9, 0));
        Assert.Equal(0, await shop.PlanAsync());

        var taro = await shop.MemberAsync("taro");
        await shop.FollowAsync("美容液", "SERUM", Scenario(2, 10));
        Assert.Equal(2, await shop.PlanAsync());

        var deliveries = await shop.DeliveriesAsync();
        Assert.Equal([serum, unlinked], deliveries.Select(d => d.Occurrence).Order());
        Assert.Equal(taro, deliveries.Single(d => d.Occurrence == unlinked).MemberId);
    }

    [Fact]
    public async Task A_shipping_date_that_arrives_after_an_earlier_scan_is_planned()
    {
        var shop = await FollowShop.CreateAsync(_f);
        await shop.MemberAsync("hanako");
        shop.Clock.SetUtcNow(Jst(2026, 11, 26, 10, 0));
        await shop.FollowAsync("美容液", "SERUM", Scenario(2, 10));
        var order = await shop.OrderAsync("hanako", "SERUM", shippedAt: null);
        Assert.Equal(0, await shop.PlanAsync());

        await using (var db = _f.Db.CreateDbContext())
            await db.CartOrders.Where(o => o.Id == order).ExecuteUpdateAsync(u => u.SetProperty(o => o.ShippedAt, Jst(2026, 11, 25, 12, 0)));
        Assert.Equal(1, await shop.PlanAsync());

        Assert.Equal(Jst(2026, 11, 27, 10, 0), Assert.Single(await shop.DeliveriesAsync()).DueAt);
    }

    [Fact]
    public async Task Saving_a_follow_message_opened_before_another_operator_saved_it_is_refused_with_the_fresh_message_and_changes_nothing()
    {
        var shop = await FollowShop.CreateAsync(_f);
        var id = await shop.FollowAsync("発送フォロー", "SERUM", Scenario(1, 10, text: "一通目"));
        var first = (await shop.Messages.GetAsync(shop.BotId, id, CancellationToken.None))!; // operator A opens the editor
        var second = (await shop.Messages.GetAsync(shop.BotId, id, CancellationToken.None))!; // operator B opens it too
        first.Name = "発送フォロー(改訂)";
        first.Scenarios[0].AtTime = new TimeOnly(18, 0);
        Assert.True((await shop.Messages.SaveAsync(shop.BotId, first, CancellationToken.None)).Succeeded);

        second.Name = "古い画面からの編集";
        second.ProductCode = "SOAP";
        second.Scenarios.Add(Scenario(3, 10, text: "追加"));
        var stale = await shop.Messages.SaveAsync(shop.BotId, second, CancellationToken.None);

        Assert.Equal((false, true, 0), (stale.Succeeded, stale.IsStale, stale.Id));
        Assert.Empty(stale.Errors);
        Assert.Equal(("発送フォロー(改訂)", "SERUM", new TimeOnly(18, 0), first.Version + 1),
            (stale.Fresh!.Name, stale.Fresh.ProductCode, stale.Fresh.Scenarios.Single().AtTime, stale.Fresh.Version));
        var now = (await shop.Messages.GetAsync(shop.BotId, id, CancellationToken.None))!;
        Assert.Equal(("発送フォロー(改訂)", "SERUM", stale.Fresh.Version), (now.Name, now.ProductCode, now.Version));
        Assert.Single(await shop.ScenarioIdsAsync(id));

        stale.Fresh.Name = "発送フォロー(B)"; // B edits the fresh message: saved
        Assert.True((await shop.Messages.SaveAsync(shop.BotId, stale.Fresh, CancellationToken.None)).Succeeded);
        Assert.Equal("発送フォロー(B)", (await shop.Messages.GetAsync(shop.BotId, id, CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task An_editor_opened_before_the_message_was_switched_off_on_the_list_cannot_switch_it_back_on()
    {
        var shop = await FollowShop.CreateAsync(_f);
        var id = await shop.FollowAsync("発送フォロー", "SERUM", Scenario(1, 10));
        var opened = (await shop.Messages.GetAsync(shop.BotId, id, CancellationToken.None))!;

        await shop.Messages.SetEnabledAsync(shop.BotId, id, false, CancellationToken.None); // set-wise, and still a new version
        opened.Name = "名前だけ変えたつもり";
        var stale = await shop.Messages.SaveAsync(shop.BotId, opened, CancellationToken.None);

        Assert.True(stale.IsStale);
        var now = (await shop.Messages.GetAsync(shop.BotId, id, CancellationToken.None))!;
        Assert.Equal(("発送フォロー", false), (now.Name, now.Enabled));
    }
}
