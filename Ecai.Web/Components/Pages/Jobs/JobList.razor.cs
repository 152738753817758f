using Ecai.Domain.Dashboard;
using Ecai.Domain.Jobs;
using Ecai.Domain.Realtime;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Ecai.Web.Components.Pages.Jobs;

/// <summary>ジョブリスト: the bot's newest job runs; running rows count up live.</summary>
public sealed partial class JobList : BotPage
{
    private const int MaxRows = 200;
    private readonly Dictionary<long, JobProgressView> _live = [];
    private IReadOnlyList<JobRun> _runs = [];

    [Inject] private DashboardQueries Queries { get; set; } = default!;

    protected override async Task LoadAsync(int botId, CancellationToken ct)
    {
        _runs = await Queries.RecentJobsAsync(botId, MaxRows, ct);
        foreach (var id in _live.Keys.Where(id => _runs.Any(r => r.Id == id && r.State != JobState.Running)).ToList())
            _live.Remove(id);
    }

    protected override Task OnLiveEventAsync(LiveEvent e)
    {
        if (e is not JobProgressChanged p) return Task.CompletedTask;
        if (p.State == JobState.Running && _runs.Any(r => r.Id == p.JobRunId))
        {
            _live[p.JobRunId] = JobProgressView.From(p);
            return Task.CompletedTask;
        }
        // A new run, or one that ended: read the rows again.
        RequestReload();
        return Task.CompletedTask;
    }
}
