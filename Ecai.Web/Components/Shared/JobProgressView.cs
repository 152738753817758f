using Ecai.Domain.Jobs;
using Ecai.Domain.Realtime;

namespace Ecai.Web.Components.Shared;

/// <summary>What a progress bar shows of a running job, from its row or its latest live event.</summary>
public sealed record JobProgressView(long JobRunId, string Kind, string Title, long Done, long? Total, string? Stage, int? ConnectionId = null)
{
    public int? Percent => Total is > 0 ? (int)Math.Min(100, Done * 100 / Total.Value) : null;

    public static JobProgressView From(JobRun run) => new(run.Id, run.Kind, run.Title, run.Done, run.Total, null);

    public static JobProgressView From(JobProgressChanged e) => new(e.JobRunId, e.Kind, e.Title, e.Done, e.Total, e.Stage, e.ConnectionId);
}
