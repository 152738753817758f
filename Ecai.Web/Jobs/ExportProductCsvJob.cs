using Coravel.Invocable;
using Ecai.Domain.Jobs;

namespace Ecai.Web.Jobs;

/// <summary>Writes one カート側商品CSV zip for the run <see cref="ProductCsvExports"/> opened, then closes the run.</summary>
public sealed class ExportProductCsvJob(ProductCsvExport export, ILogger<ExportProductCsvJob> log)
    : IInvocable, IInvocableWithPayload<ProductCsvRequest>, ICancellableInvocable
{
    public ProductCsvRequest Payload { get; set; } = default!;
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        var run = Payload.Run;
        try
        {
            await export.WriteAsync(Payload, CancellationToken);
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            await run.CancelAsync();
            throw;
        }
        catch (Exception ex)
        {
            // The request's ToString leaves the password out; the exception never carries it.
            log.LogError(ex, "Product CSV export {JobRunId} failed", run.JobRunId);
            await run.FailAsync("商品CSVの作成中に予期しないエラーが発生しました。");
            return;
        }
        finally
        {
            Payload = default!; // drop the password with the payload
        }
        await run.CompleteAsync();
    }
}
