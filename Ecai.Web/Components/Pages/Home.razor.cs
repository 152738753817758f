using Ecai.Domain.Dashboard;
using Ecai.Domain.Jobs;
using Ecai.Domain.Realtime;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ecai.Web.Components.Pages;

/// <summary>ホーム: friend and link totals, per-cart links, monthly links, connection states, running jobs live.</summary>
public sealed partial class Home : BotPage
{
    private readonly Dictionary<long, JobProgressView> _jobs = [];
    private DashboardSnapshot? _snapshot;
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private readonly BarChartOptions _chartOptions = new() { ChartPalette = ["#A8E6C1", "#06C755"], MaxNumYAxisTicks = 6 };

    [Inject] private DashboardQueries Queries { get; set; } = default!;
    [Inject] private JobRuns Runs { get; set; } = default!;

    protected override async Task LoadAsync(int botId, CancellationToken ct)
    {
        var snapshot = await Queries.SnapshotAsync(botId, ct);
        var running = await Runs.RunningAsync(botId, ct);
        // Live entries are fresher than the rows (a row's count is written when the run ends).
        var live = _jobs.ToDictionary();
        _jobs.Clear();
        foreach (var run in running)
            _jobs[run.Id] = live.GetValueOrDefault(run.Id) ?? JobProgressView.From(run);

        _snapshot = snapshot;
        _labels = snapshot.Months.Select(m => Fmt.Month(m.Month)).ToArray();
        _series =
        [
            new() { Name = L["Home.NewFriends"], Data = new ChartData<double>(snapshot.Months.Select(m => (double)m.NewFriends).ToList()) },
            new() { Name = L["Home.NewLinked"], Data = new ChartData<double>(snapshot.Months.Select(m => (double)m.Linked).ToList()) },
        ];
    }

    protected override Task OnLiveEventAsync(LiveEvent e)
    {
        // Sends report per batch; their progress already arrives as job progress.
        if (e is DeliveriesChanged) return Task.CompletedTask;
        if (e is JobProgressChanged p)
        {
            if (p.State == JobState.Running)
            {
                _jobs[p.JobRunId] = JobProgressView.From(p);
                return Task.CompletedTask;
            }
            _jobs.Remove(p.JobRunId);
        }
        RequestReload();
        return Task.CompletedTask;
    }
}
