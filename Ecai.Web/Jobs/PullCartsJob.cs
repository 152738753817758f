using Coravel.Invocable;
using Ecai.Domain.Carts;
using Ecai.Domain.Jobs;

namespace Ecai.Web.Jobs;

/// <summary>Which bot a queued pull is for; null pulls every bot (the hourly schedule).</summary>
public sealed record PullRequest(int? BotId);

/// <summary>Pulls the connected carts of one bot (or all bots) and links members.</summary>
public sealed class PullCartsJob(CartSync sync, JobRuns runs, PullTrigger trigger, ILogger<PullCartsJob> log)
    : IInvocable, IInvocableWithPayload<PullRequest>, ICancellableInvocable
{
    public const string Kind = "cart-pull";
    public PullRequest Payload { get; set; } = new(null);
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        foreach (var botId in await sync.BotsToPullAsync(Payload.BotId, CancellationToken))
        {
            await using var _ = await trigger.EnterAsync(botId, CancellationToken);
            var run = await runs.StartAsync(botId, Kind, "カート取込", CancellationToken);
            try
            {
                var result = await sync.PullBotAsync(botId, run, CancellationToken);
                run.Customers = result.Customers;
                run.Orders = result.Orders;
                run.Skipped = result.Skipped;
                run.Linked = result.NewLinks;
                if (result.Errors.Count == 0) await run.CompleteAsync();
                else await run.FailAsync(string.Join(" / ", result.Errors));
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                await run.CancelAsync();
                throw;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Cart pull for bot {BotId} failed", botId);
                await run.FailAsync("取込中に予期しないエラーが発生しました。");
            }
        }
    }
}
