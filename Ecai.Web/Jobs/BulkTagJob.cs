using Coravel.Invocable;
using Coravel.Queuing.Interfaces;
using Ecai.Domain.Jobs;
using Ecai.Domain.Tags;

namespace Ecai.Web.Jobs;

/// <summary>一括タグ as a background job: a JobRun with live progress (ホーム, ジョブリスト, 会員リスト).</summary>
public sealed class BulkTagJob(BulkTags bulk, JobRuns runs, ILogger<BulkTagJob> log)
    : IInvocable, IInvocableWithPayload<BulkTagJob.Request>, ICancellableInvocable
{
    public const string Kind = "bulk-tag";

    /// <summary>The request and the title the job list shows (「タグ一括追加: VIP」).</summary>
    public sealed record Request(BulkTagRequest Bulk, string Title);

    public Request Payload { get; set; } = default!;
    public CancellationToken CancellationToken { get; set; }

    /// <summary>Queues the job.</summary>
    public static void Queue(IQueue queue, BulkTagRequest request, string tagName) =>
        queue.QueueInvocableWithPayload<BulkTagJob, Request>(new Request(request,
            (request.Action == TagRuleAction.Add ? "タグ一括追加: " : "タグ一括削除: ") + tagName));

    public async Task Invoke()
    {
        var run = await runs.StartAsync(Payload.Bulk.BotId, Kind, Payload.Title, CancellationToken);
        try
        {
            run.Linked = await bulk.RunAsync(Payload.Bulk, run, CancellationToken); // members whose tags changed
            await run.CompleteAsync();
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            await run.CancelAsync();
            throw;
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Bulk tag for bot {BotId} failed", Payload.Bulk.BotId);
            await run.FailAsync("一括タグの途中でエラーが発生しました。付け終わった分はそのままです。もう一度実行すると残りを処理します。");
        }
    }
}
