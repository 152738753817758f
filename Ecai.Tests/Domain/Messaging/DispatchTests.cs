using System.Data.Common;
using Ecai.Domain.Data;
using Ecai.Domain.Messaging;

namespace Ecai.Tests.Domain.Messaging;

public sealed class DispatchTests : IAsyncLifetime
{
    private LedgerWorld _w = null!;

    public async Task InitializeAsync() => _w = await LedgerWorld.CreateAsync();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task Sends_each_due_row_once_with_the_members_name_and_leaves_rows_not_yet_due_pending()
    {
        var members = await _w.AddMembersAsync(4);
        var message = await _w.AddMessageAsync("{name}さん、こんにちは");
        await _w.PlanAsync(members[..3], message);
        await _w.PlanAsync(members[3..], message, sourceId: 2, dueAt: _w.F.Clock.GetUtcNow().AddMinutes(5));

        var result = await _w.Dispatcher().DispatchAsync(_w.Bot, None);

        Assert.Equal(3, result.Sent);
        Assert.Equal(["会員0さん、こんにちは", "友だち1さん、こんにちは", "会員2さん、こんにちは"], _w.Line.Received.OrderBy(r => r.To).Select(r => r.Text));
        var rows = await _w.RowsAsync();
        Assert.All(rows[..3], r => Assert.Equal((DeliveryState.Sent, 1, _w.F.Clock.GetUtcNow()), (r.State, r.Attempts, r.SentAt!.Value)));
        Assert.Equal(DeliveryState.Pending, rows[3].State);
        Assert.Equal(rows[..3].Select(r => r.RetryKey).Order(), _w.Line.Requests.Select(q => q.Key).Order());
    }

    [Fact]
    public async Task Rows_written_before_a_crash_are_sent_by_a_new_dispatcher_once()
    {
        var members = await _w.AddMembersAsync(3);
        await _w.PlanAsync(members, await _w.AddMessageAsync("hello"));
        // The process died after writing the ledger and before any push: a new dispatcher finds the rows pending.

        await _w.Dispatcher().DispatchAsync(_w.Bot, None);

        Assert.All(members, m => Assert.Equal(1, _w.Line.MessagesTo(m.LineUserId)));
        Assert.All(await _w.RowsAsync(), r => Assert.Equal(DeliveryState.Sent, r.State));
    }

    [Fact]
    public async Task A_crash_after_LINE_accepted_and_before_the_mark_resends_with_the_same_key_and_each_member_gets_one_message()
    {
        var members = await _w.AddMembersAsync(3);
        await _w.PlanAsync(members, await _w.AddMessageAsync("hello"));
        _w.Line.Script = (call, _) => call == 0 ? LineAct.AcceptThenCrash : LineAct.Accept;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _w.Dispatcher().DispatchAsync(_w.Bot, _w.Line.Crash.Token));
        Assert.All(await _w.RowsAsync(), r => Assert.Equal(DeliveryState.Pending, r.State));

        var result = await _w.Dispatcher().DispatchAsync(_w.Bot, None); // after the restart

        Assert.Equal(3, result.Sent);
        Assert.All(members, m => Assert.Equal(1, _w.Line.MessagesTo(m.LineUserId)));
        Assert.All(await _w.RowsAsync(), r => Assert.Equal(DeliveryState.Sent, r.State));
    }

    [Theory]
    [InlineData(LineAct.ServerError)]
    [InlineData(LineAct.RateLimit)]
    [InlineData(LineAct.AcceptThenTimeOut)]
    public async Task A_retryable_answer_keeps_the_row_pending_with_back_off_and_the_retry_with_the_same_key_sends_one_message(LineAct first)
    {
        var members = await _w.AddMembersAsync(1);
        var row = (await _w.PlanAsync(members, await _w.AddMessageAsync("hello"))).Single();
        _w.Line.Script = (call, _) => call == 0 ? first : LineAct.Accept;

        var result = await _w.Dispatcher().DispatchAsync(_w.Bot, None);

        Assert.Equal((0, 1), (result.Sent, result.Retrying));
        var pending = (await _w.RowsAsync()).Single();
        Assert.Equal((DeliveryState.Pending, 1), (pending.State, pending.Attempts));
        Assert.True(pending.DueAt > _w.F.Clock.GetUtcNow());
        Assert.NotNull(pending.Error);
        Assert.Equal(0, (await _w.Dispatcher().DispatchAsync(_w.Bot, None)).Sent); // not due yet

        _w.F.Clock.Advance(TimeSpan.FromMinutes(1));
        await _w.Dispatcher().DispatchAsync(_w.Bot, None);

        var sent = (await _w.RowsAsync()).Single();
        Assert.Equal((DeliveryState.Sent, 2), (sent.State, sent.Attempts));
        Assert.Equal(1, _w.Line.MessagesTo(members[0].LineUserId));
        Assert.Equal([row.RetryKey, row.RetryKey], _w.Line.Requests.Select(q => q.Key));
    }

    [Fact]
    public async Task Blocked_members_are_skipped_not_pushed_and_counted()
    {
        var members = await _w.AddMembersAsync(4, blocked: i => i is 1 or 3);
        await _w.PlanAsync(members, await _w.AddMessageAsync("hello"), sourceId: 9);

        var result = await _w.Dispatcher().DispatchAsync(_w.Bot, None);

        Assert.Equal((2L, 2L, 2L), (result.Sent, result.Skipped, result.Blocked));
        Assert.Equal([members[0].LineUserId, members[2].LineUserId], _w.Line.Received.Select(r => r.To).Order());
        var tally = (await new DeliveryCounts(_w.F.Db).ForAsync(_w.Bot, DeliverySource.Step, [9], None))[9];
        Assert.Equal(new DeliveryTally(Sent: 2, Failed: 0, Pending: 0, Skipped: 0, Blocked: 2), tally); // Skipped counts the others
    }

    [Fact]
    public async Task A_refused_push_fails_for_good_with_LINEs_message()
    {
        var members = await _w.AddMembersAsync(2);
        await _w.PlanAsync(members, await _w.AddMessageAsync("hello"));
        _w.Line.Script = (_, to) => to == members[1].LineUserId ? LineAct.Refuse : LineAct.Accept;

        var result = await _w.Dispatcher().DispatchAsync(_w.Bot, None);

        Assert.Equal((1L, 1L), (result.Sent, result.Failed));
        var failed = (await _w.RowsAsync()).Single(r => r.MemberId == members[1].Id);
        Assert.Equal(DeliveryState.Failed, failed.State);
        Assert.Equal("The property, 'to', in the request body is invalid", failed.Error);
        _w.F.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await _w.Dispatcher().DispatchAsync(_w.Bot, None)).Due); // never retried
    }

    [Fact]
    public async Task A_row_fails_once_its_attempts_run_out()
    {
        _w.Options.MaxAttempts = 3;
        var members = await _w.AddMembersAsync(1);
        await _w.PlanAsync(members, await _w.AddMessageAsync("hello"));
        _w.Line.Script = (_, _) => LineAct.ServerError;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(DeliveryState.Pending, (await _w.RowsAsync()).Single().State);
            await _w.Dispatcher().DispatchAsync(_w.Bot, None);
            _w.F.Clock.Advance(TimeSpan.FromHours(2));
        }

        var row = (await _w.RowsAsync()).Single();
        Assert.Equal((DeliveryState.Failed, 3), (row.State, row.Attempts));
        Assert.StartsWith("再送の上限(3回)に達しました", row.Error);
        Assert.Equal(3, _w.Line.Requests.Count);
    }

    [Fact]
    public async Task Only_one_dispatch_per_bot_runs_and_a_second_call_makes_the_running_one_take_new_rows()
    {
        var members = await _w.AddMembersAsync(4);
        var message = await _w.AddMessageAsync("hello");
        await _w.PlanAsync(members[..2], message);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _w.Line.Hold = () =>
        {
            entered.TrySetResult();
            return release.Task;
        };
        var dispatcher = _w.Dispatcher();

        var first = dispatcher.DispatchAsync(_w.Bot, None);
        await entered.Task;
        await _w.PlanAsync(members[2..], message, sourceId: 2); // planned while the first dispatch is pushing
        var second = await dispatcher.DispatchAsync(_w.Bot, None);
        release.SetResult();
        var result = await first;

        Assert.Equal(DispatchHalt.Busy, second.Halt);
        Assert.Equal(0, second.Sent);
        Assert.Equal(4, result.Sent);
        Assert.All(members, m => Assert.Equal(1, _w.Line.MessagesTo(m.LineUserId)));
    }

    [Fact]
    public async Task The_next_batch_is_taken_while_one_is_in_flight_and_no_row_is_pushed_twice()
    {
        _w.Options.BatchSize = 2;
        var members = await _w.AddMembersAsync(7);
        await _w.PlanAsync(members, await _w.AddMessageAsync("hello"));
        _w.Line.Hold = () => Task.Delay(100); // each batch is still in flight while the next one is read

        var result = await _w.Dispatcher().DispatchAsync(_w.Bot, None);

        Assert.Equal(7, result.Sent);
        Assert.Equal(7, _w.Line.Requests.Count);
        Assert.Equal(7, _w.Line.Requests.Select(r => r.Key).Distinct().Count());
        Assert.All(members, m => Assert.Equal(1, _w.Line.MessagesTo(m.LineUserId)));
        Assert.All(await _w.RowsAsync(), r => Assert.Equal((DeliveryState.Sent, 1), (r.State, r.Attempts)));
    }

    [Fact]
    public async Task The_monthly_limit_parks_every_due_row_for_an_hour_and_is_reported()
    {
        _w.Options.BatchSize = 2;
        var members = await _w.AddMembersAsync(5);
        await _w.PlanAsync(members, await _w.AddMessageAsync("hello"));
        _w.Line.Script = (_, _) => LineAct.Quota;
        var dispatcher = _w.Dispatcher();

        var result = await dispatcher.DispatchAsync(_w.Bot, None);

        Assert.Equal(DispatchHalt.QuotaExceeded, result.Halt);
        Assert.Equal(2, _w.Line.Requests.Count); // one batch, not a storm
        var rows = await _w.RowsAsync();
        Assert.All(rows, r => Assert.Equal((DeliveryState.Pending, 0), (r.State, r.Attempts)));
        Assert.All(rows, r => Assert.Equal(_w.F.Clock.GetUtcNow().AddHours(1), r.DueAt));
        Assert.NotNull(dispatcher.StatusOf(_w.Bot).QuotaExceededAt);
        Assert.Equal(0, (await dispatcher.DispatchAsync(_w.Bot, None)).Due);

        _w.F.Clock.Advance(TimeSpan.FromHours(1));
        _w.Line.Script = (_, _) => LineAct.Accept;
        Assert.Equal(5, (await dispatcher.DispatchAsync(_w.Bot, None)).Sent);
        Assert.Null(dispatcher.StatusOf(_w.Bot).QuotaExceededAt);
    }

    [Fact]
    public async Task A_bot_without_a_channel_keeps_its_rows_pending_and_says_so()
    {
        await using var w = await LedgerWorld.CreateAsync(channel: false);
        var members = await w.AddMembersAsync(2);
        await w.PlanAsync(members, await w.AddMessageAsync("hello"));
        var dispatcher = w.Dispatcher();

        var result = await dispatcher.DispatchAsync(w.Bot, None);

        Assert.Equal((DispatchHalt.NoChannel, 2L), (result.Halt, result.Due));
        Assert.True(dispatcher.StatusOf(w.Bot).NoChannel);
        Assert.Empty(w.Line.Requests);
        Assert.All(await w.RowsAsync(), r => Assert.Equal(DeliveryState.Pending, r.State));
    }

    [Fact]
    public async Task Each_source_skips_its_rows_before_the_push_and_gets_exactly_its_sent_rows_after()
    {
        var members = await _w.AddMembersAsync(4);
        var message = await _w.AddMessageAsync("hello");
        await _w.PlanAsync(members, message, DeliverySource.Step, sourceId: 1);
        await _w.PlanAsync(members[..1], message, DeliverySource.Follow, sourceId: 1);
        var source = new SkippingSource(skipMember: members[1].Id);
        _w.Sources.Add(source);
        _w.Line.Script = (_, to) => to == members[2].LineUserId ? LineAct.Refuse : LineAct.Accept;

        await _w.Dispatcher().DispatchAsync(_w.Bot, None);

        var rows = await _w.RowsAsync();
        var steps = rows.Where(r => r.Source == DeliverySource.Step).ToDictionary(r => r.MemberId);
        Assert.Equal((DeliveryState.Skipped, DeliverySkipReason.FilterNotMatched), (steps[members[1].Id].State, steps[members[1].Id].SkipReason));
        Assert.Equal(0, _w.Line.MessagesTo(members[1].LineUserId));
        Assert.Equal(new[] { steps[members[0].Id].Id, steps[members[3].Id].Id }.Order(), source.AfterSent.Order());
    }

    /// <summary>A step-like source: skips one member's rows (filter no longer matches) and records what it is told was sent.</summary>
    private sealed class SkippingSource(long skipMember) : IDeliverySource
    {
        public List<long> AfterSent { get; } = [];
        public DeliverySource Source => DeliverySource.Step;

        public async Task BeforeSendAsync(DbConnection db, DbTransaction tx, string dueTable, DateTimeOffset now, CancellationToken ct)
        {
            await using var command = db.CreateCommand();
            command.Transaction = tx;
            command.CommandText = $"UPDATE Deliveries SET State = 3, SkipReason = 3 WHERE Id IN (SELECT Id FROM {dueTable}) AND MemberId = @m";
            command.Add("@m", skipMember);
            await command.ExecuteNonQueryAsync(ct);
        }

        public async Task AfterSentAsync(DbConnection db, DbTransaction tx, string sentTable, DateTimeOffset now, CancellationToken ct)
        {
            await using var command = db.CreateCommand();
            command.Transaction = tx;
            command.CommandText = $"SELECT Id FROM {sentTable}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) AfterSent.Add(reader.GetInt64(0));
        }
    }
}
