using Coravel.Invocable;
using Ecai.Domain.Jobs;

namespace Ecai.Web.Jobs;

/// <summary>Hourly: deletes job files past their 7 days; ジョブリスト then shows 「期限切れ」.</summary>
public sealed class DeleteExpiredJobFilesJob(JobFiles files, ILogger<DeleteExpiredJobFilesJob> log) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        var deleted = await files.DeleteExpiredAsync(CancellationToken);
        if (deleted > 0) log.LogInformation("Deleted {Count} expired job files", deleted);
    }
}
