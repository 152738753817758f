using System.Data.Common;
using System.Text;
using Ecai.Domain.Data;
using Ecai.Domain.Line;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Steps;
using Ecai.Domain.Tags;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecai.Tests.Domain.Messaging.Steps;

/// <summary>Step messages end to end in the domain: triggers → planned deliveries (due in JST rules), send-time checks, on/off.</summary>
public sealed class StepScenariosTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private DomainFixture _f = null!;
    private StepScenarios _scenarios = null!;
    private StepPlanner _planner = null!;
    private MemberTagging _tagging = null!;
    private TagCatalog _tags = null!;
    private int _bot;
    private int _next;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _scenarios = new StepScenarios(_f.Db, new DeliveryCounts(_f.Db), _f.Clock);
        _planner = new StepPlanner(_f.Db);
        _tagging = new MemberTagging(_f.Db, _f.Live, _f.Clock);
        _tags = new TagCatalog(_f.Db, _f.Live, _f.Clock);
        _bot = await _f.AddBotAsync();
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static MessageContent Text(string text) => new([new Bubble { Kind = BubbleKind.Text, Text = text }]);

    private static StepDraft Step(StepDelayKind kind, int amount, string? at = null, string text = "こんにちは{name}さん") =>
        new() { DelayKind = kind, Amount = amount, At = at, Content = Text(text) };

    private async Task<int> TagAsync(string name)
    {
        var result = await _tags.CreateAsync(_bot, name, null, Ct);
        Assert.True(result.Succeeded, result.Error);
        return result.TagId!.Value;
    }

    private async Task<long> MemberAsync()
    {
        var user = $"U{++_next:D32}";
        await _f.Members.AddAsync(_bot, [new NewMember(user, "友だち" + _next, _f.Clock.GetUtcNow().AddDays(-10))], Ct);
        await using var db = _f.Db.CreateDbContext();
        return await db.Members.Where(m => m.LineUserId == user).Select(m => m.Id).SingleAsync();
    }

    private async Task<int> ScenarioAsync(StepScenarioDraft draft)
    {
        var result = await _scenarios.SaveAsync(_bot, draft, Ct);
        Assert.True(result.Succeeded, string.Join(" / ", result.Errors));
        return result.ScenarioId!.Value;
    }

    private async Task<List<int>> StepIdsAsync(int scenario)
    {
        await using var db = _f.Db.CreateDbContext();
        return await db.Set<ScenarioStep>().Where(s => s.ScenarioId == scenario).OrderBy(s => s.Position).Select(s => s.Id).ToListAsync();
    }

    private async Task<List<Delivery>> DeliveriesAsync()
    {
        await using var db = _f.Db.CreateDbContext();
        return await db.Deliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    /// <summary>What the dispatcher does before a push: the due pending step rows in a temp table, handed to the source.</summary>
    private async Task BeforeSendAsync()
    {
        var now = _f.Clock.GetUtcNow();
        await using var context = _f.Db.CreateDbContext();
        await context.Database.OpenConnectionAsync();
        var db = context.Database.GetDbConnection();
        await using var tx = db.BeginTransaction();
        await using (var command = db.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = $"""
                DROP TABLE IF EXISTS due;
                CREATE TEMP TABLE due (Id {SqlDialect.Of(db).IdKey});
                INSERT INTO due SELECT Id FROM Deliveries WHERE State = 0 AND Source = {(int)DeliverySource.Step} AND DueAt <= {now.UtcTicks};
                """;
            await command.ExecuteNonQueryAsync();
        }
        await new StepDeliveries().BeforeSendAsync(db, tx, "due", now, Ct);
        await tx.CommitAsync();
    }

    [Fact]
    public async Task Each_delay_kind_is_due_by_japan_time_across_a_day_boundary_and_a_month_end_on_a_utc_server()
    {
        var tag = await TagAsync("フォーム送信");
        var scenario = await ScenarioAsync(new StepScenarioDraft
        {
            Name = "月末テスト", Trigger = StepTrigger.TagAdded, TagId = tag,
            Steps =
            [
                Step(StepDelayKind.Minutes, 30), Step(StepDelayKind.Hours, 2), Step(StepDelayKind.Days, 1),
                Step(StepDelayKind.DaysAt, 1, "09:00"), Step(StepDelayKind.DaysAt, 2, "18:00"), Step(StepDelayKind.DaysAt, 0, "00:30"),
            ],
        });
        var member = await MemberAsync();
        // 2026/11/30 16:00 UTC is already 2026/12/01 01:00 in Japan: the UTC day and month differ from Japan's.
        _f.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero));
        Assert.True(await _tagging.SetAsync(_bot, member, tag, add: true, Ct));

        Assert.Equal(6, await _planner.PlanAsync(_bot, _f.Clock.GetUtcNow(), Ct));

        var steps = await StepIdsAsync(scenario);
        var due = (await DeliveriesAsync()).ToDictionary(d => d.SourceId, d => d.DueAt);
        var jst = TimeSpan.FromHours(9);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 1, 30, 0, jst), due[steps[0]]);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 3, 0, 0, jst), due[steps[1]]);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 1, 0, 0, jst), due[steps[2]]);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 0, 0, jst), due[steps[3]]); // the Japan day after, not the UTC one
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 18, 0, 0, jst), due[steps[4]]);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 1, 0, 0, jst), due[steps[5]]); // 00:30 had passed that day: at once
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), due[steps[3]]);
    }

    [Fact]
    public async Task The_sql_rule_and_the_screens_rule_agree_for_a_late_evening_trigger_at_the_end_of_february()
    {
        var tag = await TagAsync("購入");
        var delays = new[] { new StepDelay(StepDelayKind.Minutes, 90), new StepDelay(StepDelayKind.Days, 3), new StepDelay(StepDelayKind.DaysAt, 1, 6 * 60) };
        var scenario = await ScenarioAsync(new StepScenarioDraft
        {
            Name = "2月末", Trigger = StepTrigger.TagAdded, TagId = tag,
            Steps = [Step(StepDelayKind.Minutes, 90), Step(StepDelayKind.Days, 3), Step(StepDelayKind.DaysAt, 1, "6:00")],
        });
        var member = await MemberAsync();
        var trigger = new DateTimeOffset(2027, 2, 28, 23, 15, 0, TimeSpan.FromHours(9)); // 14:15 UTC
        _f.Clock.SetUtcNow(trigger);
        await _tagging.SetAsync(_bot, member, tag, add: true, Ct);

        await _planner.PlanAsync(_bot, trigger, Ct);

        var steps = await StepIdsAsync(scenario);
        var due = (await DeliveriesAsync()).ToDictionary(d => d.SourceId, d => d.DueAt);
        for (var i = 0; i < delays.Length; i++) Assert.Equal(delays[i].DueAfter(trigger), due[steps[i]]);
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 6, 0, 0, TimeSpan.FromHours(9)), due[steps[2]]);
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 0, 45, 0, TimeSpan.FromHours(9)), due[steps[0]]);
    }

    [Fact]
    public async Task A_member_enters_once_per_trigger_occurrence_and_a_planner_rerun_writes_nothing_new()
    {
        var tag = await TagAsync("フォーム送信");
        var member = await MemberAsync();
        await _tagging.SetAsync(_bot, member, tag, add: true, Ct); // before the scenario existed: does not enter
        await _tagging.SetAsync(_bot, member, tag, add: false, Ct);
        var scenario = await ScenarioAsync(new StepScenarioDraft
        {
            Name = "電話番号の再入力", Trigger = StepTrigger.TagAdded, TagId = tag,
            Steps = [Step(StepDelayKind.Hours, 1), Step(StepDelayKind.Days, 1)],
        });

        await _tagging.SetAsync(_bot, member, tag, add: true, Ct);
        await _tagging.SetAsync(_bot, member, tag, add: false, Ct);
        await _tagging.SetAsync(_bot, member, tag, add: true, Ct);

        Assert.Equal(4, await _planner.PlanAsync(_bot, _f.Clock.GetUtcNow(), Ct));
        Assert.Equal(0, await _planner.PlanAsync(_bot, _f.Clock.GetUtcNow(), Ct));
        await using (var db = _f.Db.CreateDbContext())
            await db.EventCursors.Where(c => c.Consumer == StepPlanner.Consumer).ExecuteDeleteAsync(); // a lost cursor re-reads everything
        Assert.Equal(0, await _planner.PlanAsync(_bot, _f.Clock.GetUtcNow(), Ct));

        var deliveries = await DeliveriesAsync();
        Assert.Equal(4, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal((member, DeliverySource.Step, DeliveryState.Pending), (d.MemberId, d.Source, d.State)));
        Assert.Equal(2, deliveries.Select(d => d.Occurrence).Distinct().Count());
        Assert.Equal((await StepIdsAsync(scenario)).Select(id => (long)id).Order(), deliveries.Select(d => d.SourceId).Distinct().Order());
        Assert.Equal(4, deliveries.Select(d => d.RetryKey).Distinct().Count());
        Assert.DoesNotContain(Guid.Empty, deliveries.Select(d => d.RetryKey));
    }

    [Fact]
    public async Task Friend_added_through_the_follow_webhook_enters_and_an_unblock_is_a_second_occurrence()
    {
        var scenario = await ScenarioAsync(new StepScenarioDraft
        {
            Name = "友だち追加あいさつ", Trigger = StepTrigger.FriendAdded, Steps = [Step(StepDelayKind.Minutes, 0, text: "友だち追加ありがとうございます")],
        });
        var webhook = new LineWebhook(_f.Db, _f.Live, _f.Clock, new LineChannels(_f.Db, _f.Protection), new NoProfiles(), NullLogger<LineWebhook>.Instance);
        var at = _f.Clock.GetUtcNow();
        string Event(string type, string id) =>
            $$"""{"type":"{{type}}","timestamp":{{at.ToUnixTimeMilliseconds()}},"source":{"type":"user","userId":"Uabc"},"webhookEventId":"{{id}}"}""";
        byte[] Body(string e) => Encoding.UTF8.GetBytes($$"""{"destination":"Ubot","events":[{{e}}]}""");

        await webhook.HandleAsync(_bot, Body(Event("follow", "E1")), Ct);
        await webhook.HandleAsync(_bot, Body(Event("follow", "E1")), Ct); // a redelivery is no new occurrence
        Assert.Equal(1, await _planner.PlanAsync(_bot, at, Ct));
        await webhook.HandleAsync(_bot, Body(Event("unfollow", "E2")), Ct);
        await webhook.HandleAsync(_bot, Body(Event("follow", "E3")), Ct);
        Assert.Equal(1, await _planner.PlanAsync(_bot, at, Ct));

        var deliveries = await DeliveriesAsync();
        await using var db = _f.Db.CreateDbContext();
        var member = await db.Members.SingleAsync();
        var events = await db.MemberEvents.Where(e => e.Kind == MemberEventKind.FriendAdded).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal((member.Id, at), (e.MemberId, e.OccurredAt)));
        Assert.Equal(events.Select(e => e.Id), deliveries.Select(d => d.Occurrence));
        var step = (await StepIdsAsync(scenario)).Single();
        Assert.All(deliveries, d => Assert.Equal(((long)step, at), (d.SourceId, d.DueAt)));
    }

    [Fact]
    public async Task The_filter_is_checked_at_send_time_so_a_member_who_got_linked_after_entering_is_skipped()
    {
        var form = await TagAsync("フォーム送信");
        var linked = await TagAsync("カート連携済");
        await ScenarioAsync(new StepScenarioDraft
        {
            Name = "未連携の方へ電話番号の再入力", Trigger = StepTrigger.TagAdded, TagId = form,
            Filter = new MemberFilter { TagsNone = [linked] },
            Steps = [Step(StepDelayKind.Hours, 2)],
        });
        var stillUnlinked = await MemberAsync();
        var linkedLater = await MemberAsync();
        await _tagging.SetAsync(_bot, stillUnlinked, form, add: true, Ct);
        await _tagging.SetAsync(_bot, linkedLater, form, add: true, Ct);
        Assert.Equal(2, await _planner.PlanAsync(_bot, _f.Clock.GetUtcNow(), Ct)); // both enter: no filter when planning

        _f.Clock.Advance(TimeSpan.FromHours(1));
        await _tagging.SetAsync(_bot, linkedLater, linked, add: true, Ct);
        await BeforeSendAsync(); // nothing due yet: nothing changes
        Assert.All(await DeliveriesAsync(), d => Assert.Equal(DeliveryState.Pending, d.State));

        _f.Clock.Advance(TimeSpan.FromHours(1));
        await BeforeSendAsync();

        var states = (await DeliveriesAsync()).ToDictionary(d => d.MemberId, d => (d.State, d.SkipReason));
        Assert.Equal((DeliveryState.Pending, (DeliverySkipReason?)null), states[stillUnlinked]);
        Assert.Equal((DeliveryState.Skipped, DeliverySkipReason.FilterNotMatched), states[linkedLater]);
    }

    [Fact]
    public async Task Turning_a_scenario_off_stops_its_pending_steps_and_events_while_off_never_enter()
    {
        var tag = await TagAsync("購入");
        var scenario = await ScenarioAsync(new StepScenarioDraft
        {
            Name = "購入後フォロー", Trigger = StepTrigger.TagAdded, TagId = tag, Steps = [Step(StepDelayKind.Days, 1), Step(StepDelayKind.Days, 3)],
        });
        var (a, b, c) = (await MemberAsync(), await MemberAsync(), await MemberAsync());
        await _tagging.SetAsync(_bot, a, tag, add: true, Ct);
        await _planner.PlanAsync(_bot, _f.Clock.GetUtcNow(), Ct);
        await using (var db = _f.Db.CreateDbContext()) // the first step went out already
            await db.Deliveries.Where(d => d.SourceId == db.Set<ScenarioStep>().Where(s => s.Position == 0).Select(s => (long)s.Id).First())
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Sent));

        Assert.True(await _scenarios.SetEnabledAsync(_bot, scenario, false, Ct));
        await _tagging.SetAsync(_bot, b, tag, add: true, Ct); // while off
        await _planner.PlanAsync(_bot, _f.Clock.GetUtcNow(), Ct);
        Assert.True(await _scenarios.SetEnabledAsync(_bot, scenario, true, Ct));
        await _tagging.SetAsync(_bot, c, tag, add: true, Ct); // on again
        await _planner.PlanAsync(_bot, _f.Clock.GetUtcNow(), Ct);

        var rows = (await DeliveriesAsync()).Select(d => (d.MemberId, d.State, d.SkipReason)).ToList();
        Assert.Equal(
        [
            (a, DeliveryState.Sent, null), (a, DeliveryState.Skipped, DeliverySkipReason.Stopped),
            (c, DeliveryState.Pending, null), (c, DeliveryState.Pending, null),
        ], rows);
        var list = Assert.Single(await _scenarios.ListAsync(_bot, Ct));
        Assert.Equal([new DeliveryTally(1, 0, 1, 0, 0), new DeliveryTally(0, 0, 1, 1, 0)], list.Steps.Select(s => s.Tally));
    }

    [Fact]
    public async Task Due_rows_of_a_scenario_switched_off_or_a_step_deleted_behind_the_editors_back_are_stopped_at_send_time()
    {
        var tag = await TagAsync("購入");
        var off = await ScenarioAsync(new StepScenarioDraft { Name = "A", Trigger = StepTrigger.TagAdded, TagId = tag, Steps = [Step(StepDelayKind.Minutes, 5)] });
        var gone = await ScenarioAsync(new StepScenarioDraft { Name = "B", Trigger = StepTrigger.TagAdded, TagId = tag, Steps = [Step(StepDelayKind.Minutes, 5)] });
        var kept = await ScenarioAsync(new StepScenarioDraft { Name = "C", Trigger = StepTrigger.TagAdded, TagId = tag, Steps = [Step(StepDelayKind.Minutes, 5)] });
        await _tagging.SetAsync(_bot, await MemberAsync(), tag, add: true, Ct);
        await _planner.PlanAsync(_bot, _f.Clock.GetUtcNow(), Ct);
        await using (var db = _f.Db.CreateDbContext())
        {
            await db.Set<StepScenario>().Where(s => s.Id == off).ExecuteUpdateAsync(s => s.SetProperty(x => x.Enabled, false));
            await db.Set<ScenarioStep>().Where(s => s.ScenarioId == gone).ExecuteDeleteAsync();
        }
        _f.Clock.Advance(TimeSpan.FromMinutes(5));

        await BeforeSendAsync();

        var states = (await DeliveriesAsync()).Select(d => (d.State, d.SkipReason)).ToList();
        Assert.Equal([(DeliveryState.Skipped, DeliverySkipReason.Stopped), (DeliveryState.Skipped, DeliverySkipReason.Stopped), (DeliveryState.Pending, null)], states);
        Assert.Equal((await StepIdsAsync(kept)).Single(), (await DeliveriesAsync()).Last().SourceId);
    }

    [Fact]
    public async Task Editing_a_step_saves_new_content_that_pending_unsent_rows_take_with_their_new_delay()
    {
        var tag = await TagAsync("購入");
        var draft = new StepScenarioDraft
        {
            Name = "購入後", Trigger = StepTrigger.TagAdded, TagId = tag, Steps = [Step(StepDelayKind.Days, 1, text: "旧"), Step(StepDelayKind.Days, 2)],
        };
        var scenario = await ScenarioAsync(draft);
        var (a, b) = (await MemberAsync(), await MemberAsync());
        var trigger = _f.Clock.GetUtcNow();
        await _tagging.SetAsync(_bot, a, tag, add: true, Ct);
        await _tagging.SetAsync(_bot, b, tag, add: true, Ct);
        await _planner.PlanAsync(_bot, trigger, Ct);
        var first = (await StepIdsAsync(scenario))[0];
        await using (var db = _f.Db.CreateDbContext()) // b's first step is being retried: it keeps what it was tried with
            await db.Deliveries.Where(d => d.MemberId == b && d.SourceId == first).ExecuteUpdateAsync(s => s.SetProperty(d => d.Attempts, 1));
        var before = (await DeliveriesAsync()).Single(d => d.MemberId == b && d.SourceId == first).MessageId;

        var edit = (await _scenarios.GetAsync(_bot, scenario, Ct))!;
        Assert.Equal("旧", edit.Steps[0].Content.Bubbles[0].Text);
        edit.Steps[0].Content = Text("新");
        edit.Steps[0].DelayKind = StepDelayKind.Hours;
        edit.Steps[0].Amount = 3;
        edit.Steps.RemoveAt(1);
        await ScenarioAsync(edit);

        var rows = await DeliveriesAsync();
        await using var check = _f.Db.CreateDbContext();
        var step = await check.Set<ScenarioStep>().SingleAsync();
        var aFirst = rows.Single(d => d.MemberId == a && d.SourceId == first);
        var bFirst = rows.Single(d => d.MemberId == b && d.SourceId == first);
        Assert.Equal((step.MessageId, trigger.AddHours(3)), (aFirst.MessageId, aFirst.DueAt));
        Assert.Equal((before, trigger.AddDays(1)), (bFirst.MessageId, bFirst.DueAt));
        Assert.NotEqual(before, step.MessageId);
        Assert.Equal("新", MessageContent.Parse((await check.StoredMessages.SingleAsync(m => m.Id == step.MessageId)).ContentJson).Bubbles[0].Text);
        Assert.All(rows.Where(d => d.SourceId != first), d => Assert.Equal((DeliveryState.Skipped, DeliverySkipReason.Stopped), (d.State, d.SkipReason)));
    }

    [Fact]
    public async Task A_tag_used_as_a_trigger_or_in_a_filter_cannot_be_deleted()
    {
        var trigger = await TagAsync("フォーム送信");
        var excluded = await TagAsync("カート連携済");
        var free = await TagAsync("未使用");
        await ScenarioAsync(new StepScenarioDraft
        {
            Name = "再入力", Trigger = StepTrigger.TagAdded, TagId = trigger, Filter = new MemberFilter { TagsNone = [excluded] },
            Steps = [Step(StepDelayKind.Hours, 2)],
        });

        Assert.Equal(TagCatalog.UsedBySteps(1), await _tags.DeleteAsync(_bot, trigger, Ct));
        Assert.Equal("ステップメッセージ(1件)で使われているため削除できません。", await _tags.DeleteBlockerAsync(_bot, excluded, Ct));
        Assert.Null(await _tags.DeleteAsync(_bot, free, Ct));
        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(["カート連携済", "フォーム送信"], await db.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToListAsync());
    }

    [Fact]
    public async Task Before_switching_on_the_reach_counts_who_has_the_trigger_tag_now_and_who_the_filter_selects_without_blocked_friends()
    {
        var trigger = await TagAsync("購入者");
        var excluded = await TagAsync("カート連携済");
        var tagged = new[] { await MemberAsync(), await MemberAsync(), await MemberAsync() };
        await MemberAsync(); // an untagged friend the filter selects
        foreach (var m in tagged) Assert.True(await _tagging.SetAsync(_bot, m, trigger, true, Ct));
        Assert.True(await _tagging.SetAsync(_bot, tagged[0], excluded, true, Ct));
        await using (var db = _f.Db.CreateDbContext())
            await db.Members.Where(m => m.Id == tagged[2]).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsBlocked, true));
        var notLinkedTag = new MemberFilter { TagsNone = [excluded] };

        var tagStep = await _scenarios.ReachAsync(_bot, StepTrigger.TagAdded, trigger, notLinkedTag, Ct);
        var friendStep = await _scenarios.ReachAsync(_bot, StepTrigger.FriendAdded, trigger, null, Ct);
        var blockedOnly = await _scenarios.ReachAsync(_bot, StepTrigger.FriendAdded, null, new MemberFilter { Blocked = true }, Ct);

        Assert.Equal(new StepReach(AlreadyTagged: 2, Matching: 2), tagStep); // tagged[1] and other match; tagged[2] is blocked
        Assert.Equal(new StepReach(null, null), friendStep);
        Assert.Equal(new StepReach(null, 0), blockedOnly);
    }

    [Fact]
    public async Task An_invalid_scenario_is_refused_with_japanese_reasons_and_nothing_is_saved()
    {
        var other = await _f.AddBotAsync("別ショップ");
        var foreign = (await _tags.CreateAsync(other, "よそのタグ", null, Ct)).TagId;
        var result = await _scenarios.SaveAsync(_bot, new StepScenarioDraft
        {
            Name = " ", Trigger = StepTrigger.TagAdded, TagId = foreign,
            Steps = [Step(StepDelayKind.Days, -1), Step(StepDelayKind.DaysAt, 1, "25:00"), new StepDraft { Content = MessageContent.Empty }],
        }, Ct);

        Assert.Equal(
        [
            "メッセージ管理名を入力してください。",
            "ステップ1: 配信タイミングに負の数は指定できません。",
            "ステップ2: 配信時刻をHH:MM(例: 18:00)で入力してください。",
            "ステップ3: 吹き出しを1つ以上入れてください。",
            "トリガーにするタグが見つかりません。",
        ], result.Errors);
        Assert.Equal(["ステップを1つ以上追加してください。"], StepScenarios.Validate(new StepScenarioDraft { Name = "空", Steps = [] }));
        await using var db = _f.Db.CreateDbContext();
        Assert.False(await db.Set<StepScenario>().AnyAsync());
    }

    private sealed class NoProfiles : ILineMessaging
    {
        public Task<LineProfile?> GetProfileAsync(string accessToken, string userId, CancellationToken ct) => Task.FromResult<LineProfile?>(null);
    }

    [Fact]
    public async Task Saving_a_scenario_opened_before_another_operator_saved_it_is_refused_with_the_fresh_scenario_and_changes_nothing()
    {
        var id = await ScenarioAsync(new StepScenarioDraft { Name = "ごあいさつ", Steps = [Step(StepDelayKind.Days, 1, text: "一通目")] });
        var first = (await _scenarios.GetAsync(_bot, id, Ct))!; // operator A opens the editor
        var second = (await _scenarios.GetAsync(_bot, id, Ct))!; // operator B opens it too
        first.Name = "ごあいさつ(改訂)";
        first.Steps[0].Content = Text("改訂版");
        Assert.True((await _scenarios.SaveAsync(_bot, first, Ct)).Succeeded);
        int messages;
        await using (var db = _f.Db.CreateDbContext()) messages = await db.StoredMessages.CountAsync();

        second.Name = "古い画面からの編集";
        second.Enabled = false;
        second.Steps.Add(Step(StepDelayKind.Days, 3, text: "追加"));
        var stale = await _scenarios.SaveAsync(_bot, second, Ct);

        Assert.Equal((false, true, (int?)null), (stale.Succeeded, stale.IsStale, stale.ScenarioId));
        Assert.Empty(stale.Errors);
        Assert.Equal(("ごあいさつ(改訂)", true, first.Version + 1), (stale.Fresh!.Name, stale.Fresh.Enabled, stale.Fresh.Version));
        Assert.Equal(["改訂版"], stale.Fresh.Steps.Select(s => s.Content.Bubbles[0].Text));
        var now = (await _scenarios.GetAsync(_bot, id, Ct))!;
        Assert.Equal(("ごあいさつ(改訂)", true, 1, stale.Fresh.Version), (now.Name, now.Enabled, now.Steps.Count, now.Version));
        await using (var db = _f.Db.CreateDbContext()) Assert.Equal(messages, await db.StoredMessages.CountAsync()); // no content was stored

        stale.Fresh.Name = "ごあいさつ(B)"; // B edits the fresh scenario: saved
        Assert.True((await _scenarios.SaveAsync(_bot, stale.Fresh, Ct)).Succeeded);
        Assert.Equal("ごあいさつ(B)", (await _scenarios.GetAsync(_bot, id, Ct))!.Name);
    }

    [Fact]
    public async Task An_editor_opened_before_the_scenario_was_switched_off_on_the_list_cannot_switch_it_back_on()
    {
        var id = await ScenarioAsync(new StepScenarioDraft { Name = "ごあいさつ", Steps = [Step(StepDelayKind.Days, 1)] });
        var opened = (await _scenarios.GetAsync(_bot, id, Ct))!;

        Assert.True(await _scenarios.SetEnabledAsync(_bot, id, false, Ct));
        opened.Name = "名前だけ変えたつもり";
        var stale = await _scenarios.SaveAsync(_bot, opened, Ct);

        Assert.True(stale.IsStale);
        Assert.False(stale.Fresh!.Enabled);
        Assert.Equal(("ごあいさつ", false), ((await _scenarios.GetAsync(_bot, id, Ct))!.Name, (await _scenarios.GetAsync(_bot, id, Ct))!.Enabled));
    }
}
