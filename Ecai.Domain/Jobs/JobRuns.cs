using Ecai.Domain.Data;
using Ecai.Domain.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Jobs;

/// <summary>Progress seam a long use case reports through; one per job run.</summary>
public interface IJobProgress
{
    long JobRunId { get; }
    void Report(long done, long? total, string? stage = null);
}

/// <summary>Opens, reports and closes <see cref="JobRun"/> rows and publishes their progress live.</summary>
public sealed class JobRuns(IDbContextFactory<EcaiDb> dbs, ILiveEvents live, TimeProvider clock)
{
    /// <summary>Opens a run; <paramref name="connectionId"/> is the one cart connection it works on, if any (sent with its progress).</summary>
    public async Task<JobRunScope> StartAsync(int? botId, string kind, string title, CancellationToken ct, int? connectionId = null)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var run = new JobRun { BotId = botId, Kind = kind, Title = title, StartedAt = clock.GetUtcNow(), State = JobState.Running };
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var scope = new JobRunScope(this, run) { ConnectionId = connectionId };
        scope.Report(0, null, null);
        return scope;
    }

    internal async Task FinishAsync(JobRunScope scope, JobState state, string? error)
    {
        var run = scope.Run;
        await using var db = await dbs.CreateDbContextAsync(CancellationToken.None);
        await db.JobRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.State, state)
            .SetProperty(r => r.EndedAt, clock.GetUtcNow())
            .SetProperty(r => r.Done, scope.Done)
            .SetProperty(r => r.Total, scope.Total)
            .SetProperty(r => r.Customers, scope.Customers)
            .SetProperty(r => r.Orders, scope.Orders)
            .SetProperty(r => r.Skipped, scope.Skipped)
            .SetProperty(r => r.Linked, scope.Linked)
            .SetProperty(r => r.Error, error));
        Publish(scope, state, null);
    }

    internal void Publish(JobRunScope scope, JobState state, string? stage)
    {
        if (scope.Run.BotId is { } botId)
            live.Publish(new JobProgressChanged(botId, scope.Run.Id, scope.Run.Kind, scope.Run.Title, scope.Done, scope.Total, state, stage, scope.ConnectionId));
    }

    /// <summary>Jobs still running (for the dashboard), newest first.</summary>
    public async Task<IReadOnlyList<JobRun>> RunningAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.JobRuns.Where(r => r.BotId == botId && r.State == JobState.Running)
            .OrderByDescending(r => r.Id).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>Runs left "running" by a crash or restart are marked failed on start.</summary>
    public async Task<int> AbandonRunningAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.JobRuns.Where(r => r.State == JobState.Running).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.State, JobState.Failed)
            .SetProperty(r => r.EndedAt, clock.GetUtcNow())
            .SetProperty(r => r.Error, "アプリの再起動により中断されました。再実行してください。"), ct);
    }
}

/// <summary>A running job: report progress, count, then <see cref="CompleteAsync"/> or <see cref="FailAsync"/>.</summary>
public sealed class JobRunScope : IJobProgress
{
    private readonly JobRuns _owner;
    private long _lastPublishTicks;

    internal JobRunScope(JobRuns owner, JobRun run) { _owner = owner; Run = run; }

    internal JobRun Run { get; }
    public long JobRunId => Run.Id;
    /// <summary>The one cart connection this run works on, if any.</summary>
    public int? ConnectionId { get; init; }
    public long Done { get; private set; }
    public long? Total { get; private set; }
    public long Customers { get; set; }
    public long Orders { get; set; }
    public long Skipped { get; set; }
    public long Linked { get; set; }

    public void Report(long done, long? total, string? stage = null)
    {
        Done = done;
        Total = total ?? Total;
        // At most ~10 pushes a second; the first and the last always go out.
        var now = Environment.TickCount64;
        if (done != 0 && done != Total && now - Interlocked.Read(ref _lastPublishTicks) < 100) return;
        Interlocked.Exchange(ref _lastPublishTicks, now);
        _owner.Publish(this, JobState.Running, stage);
    }

    public Task CompleteAsync() => _owner.FinishAsync(this, JobState.Succeeded, null);
    public Task FailAsync(string error) => _owner.FinishAsync(this, JobState.Failed, error);
    public Task CancelAsync() => _owner.FinishAsync(this, JobState.Cancelled, "キャンセルされました。");
}
