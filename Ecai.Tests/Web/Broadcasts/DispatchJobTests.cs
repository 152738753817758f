using Ecai.Domain.Messaging.Follow;
using Ecai.Domain.Jobs;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Broadcasts;
using Ecai.Tests.Domain.Messaging;
using Ecai.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecai.Tests.Web.Broadcasts;

public sealed class DispatchJobTests : IAsyncLifetime
{
    private LedgerWorld _w = null!;

    public async Task InitializeAsync() => _w = await LedgerWorld.CreateAsync();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private DispatchDeliveriesJob Job() =>
        new(_w.F.Db, [_w.Planner()], _w.Dispatcher(), _w.Channels, new FollowRichMenus(_w.F.Db, _w.Channels, _w.Line, _w.F.Clock), _w.F.Runs, _w.F.Clock, NullLogger<DispatchDeliveriesJob>.Instance);

    private async Task<List<JobRun>> RunsAsync()
    {
        await using var db = _w.F.Db.CreateDbContext();
        return await db.JobRuns.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task A_tick_with_nothing_due_leaves_no_job_run_and_a_due_broadcast_is_planned_sent_and_recorded_as_one_run()
    {
        var members = await _w.AddMembersAsync(3);
        await _w.Broadcasts().CreateAsync(_w.Bot,
            new BroadcastRequest("予約", LedgerWorld.Text("お知らせ"), null, _w.F.Clock.GetUtcNow().AddMinutes(10)), "運用者", CancellationToken.None);

        await Job().Invoke();
        Assert.Empty(await RunsAsync());
        Assert.Empty(_w.Line.Received);

        _w.F.Clock.Advance(TimeSpan.FromMinutes(10));
        await Job().Invoke();

        var run = Assert.Single(await RunsAsync());
        Assert.Equal((DispatchDeliveriesJob.Kind, "配信", JobState.Succeeded, 3L), (run.Kind, run.Title, run.State, run.Done));
        Assert.All(members, m => Assert.Equal(1, _w.Line.MessagesTo(m.LineUserId)));
        await Job().Invoke(); // the next tick closes the broadcast and opens no run
        Assert.Single(await RunsAsync());
        Assert.Equal(BroadcastState.Done, (await _w.Broadcasts().ListAsync(_w.Bot, CancellationToken.None)).Single().State);
    }
}
