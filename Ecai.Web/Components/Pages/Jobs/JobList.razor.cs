using Ecai.Domain.Jobs;
using Ecai.Domain.Realtime;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Ecai.Web.Components.Pages.Jobs;

/// <summary>ジョブリスト: the bot's newest job runs; running rows count up live; exports offer their file for 7 days.</summary>
public sealed partial class JobList : BotPage
{
    private const int MaxRows = 200;
    private readonly Dictionary<long, JobProgressView> _live = [];
    private IReadOnlyList<JobRun> _runs = [];

    private DateTimeOffset _now;

    [Inject] private JobFiles Files { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    /// <summary>The bot's pulls and the signed-in operator's own exports (another operator's files are theirs alone).</summary>
    protected override async Task LoadAsync(int botId, CancellationToken ct)
    {
        _now = Clock.GetUtcNow();
        _runs = await Files.RecentAsync(botId, BotContext.OperatorId, MaxRows, ct);
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
