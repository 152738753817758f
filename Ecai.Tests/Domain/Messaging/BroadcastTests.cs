using Ecai.Domain.Line;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Broadcasts;
using Ecai.Domain.Tags;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Domain.Messaging;

public sealed class BroadcastTests : IAsyncLifetime
{
    private LedgerWorld _w = null!;

    public async Task InitializeAsync() => _w = await LedgerWorld.CreateAsync();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private static CancellationToken None => CancellationToken.None;

    private async Task<int> TagAsync(IEnumerable<Member> members, string name = "VIP")
    {
        await using var db = _w.F.Db.CreateDbContext();
        var tag = new Tag { BotId = _w.Bot, Name = name };
        db.Tags.Add(tag);
        await db.SaveChangesAsync();
        db.MemberTags.AddRange(members.Select(m => new MemberTag { MemberId = m.Id, TagId = tag.Id }));
        await db.SaveChangesAsync();
        return tag.Id;
    }

    private async Task<Broadcast> BroadcastAsync(long id)
    {
        await using var db = _w.F.Db.CreateDbContext();
        return await db.Broadcasts.AsNoTracking().SingleAsync(b => b.Id == id);
    }

    private static BroadcastRequest Request(string text, MemberFilter? filter = null, DateTimeOffset? at = null) =>
        new("冬のセール", LedgerWorld.Text(text), filter, at);

    [Fact]
    public async Task Planning_writes_one_row_per_member_the_filter_selects_blocked_ones_as_skipped_and_a_second_run_adds_nothing()
    {
        var members = await _w.AddMembersAsync(6, blocked: i => i == 2);
        var tag = await TagAsync(members[..4]);
        var (id, errors) = await _w.Broadcasts().CreateAsync(_w.Bot, Request("セール", new MemberFilter { TagsAll = [tag] }, _w.F.Clock.GetUtcNow().AddHours(1)), "運用者", None);
        Assert.Empty(errors);
        _w.F.Clock.Advance(TimeSpan.FromHours(1));

        var written = await _w.Planner().PlanAsync(_w.Bot, _w.F.Clock.GetUtcNow(), None);
        var again = await _w.Planner().PlanAsync(_w.Bot, _w.F.Clock.GetUtcNow(), None);

        Assert.Equal((4L, 0L), (written, again));
        var rows = await _w.RowsAsync();
        Assert.Equal(members[..4].Select(m => m.Id), rows.Select(r => r.MemberId).Order());
        Assert.All(rows, r => Assert.Equal((DeliverySource.Broadcast, id!.Value, 0L, _w.F.Clock.GetUtcNow()), (r.Source, r.SourceId, r.Occurrence, r.DueAt)));
        var blocked = rows.Single(r => r.MemberId == members[2].Id);
        Assert.Equal((DeliveryState.Skipped, DeliverySkipReason.Blocked), (blocked.State, blocked.SkipReason));
        var broadcast = await BroadcastAsync(id!.Value);
        Assert.Equal((BroadcastState.Sending, 4L, 1L), (broadcast.State, broadcast.Recipients, broadcast.Blocked));
    }

    [Fact]
    public async Task A_scheduled_broadcast_is_planned_and_sent_only_once_its_time_has_come_then_is_done()
    {
        var members = await _w.AddMembersAsync(3);
        var at = _w.F.Clock.GetUtcNow().AddMinutes(30);
        var dispatcher = _w.Dispatcher();
        await _w.Broadcasts(dispatcher).CreateAsync(_w.Bot, Request("今すぐ"), "運用者", None);
        Assert.Equal(3, (await _w.RowsAsync()).Count); // the "now" one is planned at once and the dispatcher woken
        Assert.True(dispatcher.Wakes.TryRead(out var woken) && woken == _w.Bot);
        var (id, _) = await _w.Broadcasts(dispatcher).CreateAsync(_w.Bot, Request("予約", at: at), "運用者", None);
        Assert.False(dispatcher.Wakes.TryRead(out _));

        _w.F.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, await _w.Planner().PlanAsync(_w.Bot, _w.F.Clock.GetUtcNow(), None));
        Assert.Equal(BroadcastState.Scheduled, (await BroadcastAsync(id!.Value)).State);

        _w.F.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(3, await _w.Planner().PlanAsync(_w.Bot, _w.F.Clock.GetUtcNow(), None));
        await _w.Dispatcher().DispatchAsync(_w.Bot, None);
        await _w.Planner().PlanAsync(_w.Bot, _w.F.Clock.GetUtcNow(), None);

        Assert.All(members, m => Assert.Equal(2, _w.Line.MessagesTo(m.LineUserId)));
        Assert.Equal(BroadcastState.Done, (await BroadcastAsync(id.Value)).State);
        var row = (await _w.Broadcasts().ListAsync(_w.Bot, None)).First();
        Assert.Equal((id.Value, 3L, 0L), (row.Id, row.Tally.Sent, row.Tally.Pending));
    }

    [Fact]
    public async Task Content_without_the_name_goes_as_multicasts_of_at_most_500_never_split_across_batches()
    {
        _w.Options.BatchSize = 700;
        var members = await _w.AddMembersAsync(1_203, blocked: i => i == 7);
        await _w.Broadcasts().CreateAsync(_w.Bot, Request("お知らせ"), "運用者", None);

        await _w.Dispatcher().DispatchAsync(_w.Bot, None);

        Assert.Equal([500, 500, 202], _w.Line.Requests.Select(q => q.Recipients).OrderDescending());
        Assert.All(members.Where(m => !m.IsBlocked), m => Assert.Equal(1, _w.Line.MessagesTo(m.LineUserId)));
        Assert.Equal(0, _w.Line.MessagesTo(members[7].LineUserId));
        Assert.All(_w.Line.Received, r => Assert.True(r.Multicast));
        Assert.All((await _w.RowsAsync()).Where(r => r.MemberId != members[7].Id), r => Assert.Equal(DeliveryState.Sent, r.State));
    }

    [Fact]
    public async Task Content_with_the_name_goes_as_one_push_per_member_with_their_name()
    {
        var members = await _w.AddMembersAsync(3);
        await _w.Broadcasts().CreateAsync(_w.Bot, Request("{name}様へ"), "運用者", None);

        await _w.Dispatcher().DispatchAsync(_w.Bot, None);

        Assert.Equal(3, _w.Line.Requests.Count);
        Assert.All(_w.Line.Received, r => Assert.False(r.Multicast));
        Assert.Equal(["会員0様へ", "友だち1様へ", "会員2様へ"], _w.Line.Received.OrderBy(r => r.To).Select(r => r.Text));
    }

    [Fact]
    public async Task A_multicast_time_out_after_LINE_accepted_is_retried_with_the_same_key_and_sends_once()
    {
        var members = await _w.AddMembersAsync(3);
        _w.Line.Script = (call, _) => call == 0 ? LineAct.AcceptThenTimeOut : LineAct.Accept;
        await _w.Broadcasts().CreateAsync(_w.Bot, Request("お知らせ"), "運用者", None);
        await _w.Dispatcher().DispatchAsync(_w.Bot, None);
        Assert.All(await _w.RowsAsync(), r => Assert.Equal(DeliveryState.Pending, r.State));

        _w.F.Clock.Advance(TimeSpan.FromMinutes(1));
        await _w.Dispatcher().DispatchAsync(_w.Bot, None);

        Assert.All(members, m => Assert.Equal(1, _w.Line.MessagesTo(m.LineUserId)));
        Assert.All(await _w.RowsAsync(), r => Assert.Equal(DeliveryState.Sent, r.State));
    }

    [Fact]
    public async Task Cancelling_stops_the_pending_rows_and_nothing_more_is_sent()
    {
        await _w.AddMembersAsync(3);
        _w.Line.Script = (_, _) => LineAct.ServerError;
        var (id, _) = await _w.Broadcasts().CreateAsync(_w.Bot, Request("お知らせ"), "運用者", None);
        await _w.Dispatcher().DispatchAsync(_w.Bot, None); // LINE is down: rows wait for a retry

        Assert.True(await _w.Broadcasts().CancelAsync(_w.Bot, id!.Value, None));
        _w.Line.Script = (_, _) => LineAct.Accept;
        _w.F.Clock.Advance(TimeSpan.FromHours(1));
        await _w.Dispatcher().DispatchAsync(_w.Bot, None);

        Assert.Empty(_w.Line.Received);
        Assert.All(await _w.RowsAsync(), r => Assert.Equal((DeliveryState.Skipped, DeliverySkipReason.Stopped), (r.State, r.SkipReason)));
        Assert.Equal(BroadcastState.Cancelled, (await BroadcastAsync(id.Value)).State);
        Assert.False(await _w.Broadcasts().CancelAsync(_w.Bot, id.Value, None));
    }

    [Fact]
    public async Task A_cancelled_scheduled_broadcast_is_never_planned()
    {
        await _w.AddMembersAsync(2);
        var (id, _) = await _w.Broadcasts().CreateAsync(_w.Bot, Request("予約", at: _w.F.Clock.GetUtcNow().AddHours(2)), "運用者", None);
        await _w.Broadcasts().CancelAsync(_w.Bot, id!.Value, None);
        _w.F.Clock.Advance(TimeSpan.FromHours(3));

        Assert.Equal(0, await _w.Planner().PlanAsync(_w.Bot, _w.F.Clock.GetUtcNow(), None));
        Assert.Empty(await _w.RowsAsync());
    }

    [Fact]
    public async Task A_past_time_a_blank_title_and_an_empty_message_are_refused_in_Japanese()
    {
        var (id, errors) = await _w.Broadcasts().CreateAsync(_w.Bot,
            new BroadcastRequest(" ", LedgerWorld.Text(" "), null, _w.F.Clock.GetUtcNow().AddMinutes(-1)), "運用者", None);

        Assert.Null(id);
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("予約日時が過去です(2026/11/28 17:59)", StringComparison.Ordinal));
        await using var db = _w.F.Db.CreateDbContext();
        Assert.Empty(db.Broadcasts);
    }

    [Fact]
    public async Task The_estimate_counts_friends_who_can_receive_and_warns_when_the_month_would_be_exceeded()
    {
        var members = await _w.AddMembersAsync(5, blocked: i => i == 0);
        var tag = await TagAsync(members[..3]);
        _w.Line.Quota = new LineQuota(Limit: 1_000, Used: 997);

        var all = await _w.Broadcasts().EstimateAsync(_w.Bot, null, None);
        var tagged = await _w.Broadcasts().EstimateAsync(_w.Bot, new MemberFilter { TagsAll = [tag] }, None);

        Assert.Equal((4L, true), (all.Messages, all.ExceedsQuota));
        Assert.Equal((2L, false), (tagged.Messages, tagged.ExceedsQuota));
        Assert.Equal(3, tagged.Quota!.Remaining);
    }
}
