using Coravel.Invocable;
using Ecai.Domain.Carts;
using Ecai.Domain.Jobs;

namespace Ecai.Web.Jobs;

/// <summary>
/// Which bot a queued pull is for (null: the connections that are due, the scheduler's tick), and which one
/// connection of it (a cart card's 今すぐ取り込む; null: all of the bot's carts).
/// </summary>
public sealed record PullRequest(int? BotId, int? ConnectionId = null);

/// <summary>Pulls the connected carts of one bot (or all bots) and links members; one JobRun per bot.</summary>
public sealed class PullCartsJob(CartSync sync, JobRuns runs, PullTrigger trigger, ILogger<PullCartsJob> log)
    : IInvocable, IInvocableWithPayload<PullRequest>, ICancellableInvocable
{
    public const string Kind = "cart-pull";
    public PullRequest Payload { get; set; } = new(null);
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        var bots = await sync.BotsToPullAsync(Payload.BotId, CancellationToken);
        if (Payload.BotId is { } requested && !bots.Contains(requested)) trigger.Forget(requested); // nothing connected
        foreach (var botId in bots) await PullAsync(botId);
    }

    private async Task PullAsync(int botId)
    {
        var connectionId = Payload.BotId == botId ? Payload.ConnectionId : null;
        var gate = await trigger.EnterAsync(botId, CancellationToken, connectionId);
        var run = await runs.StartAsync(botId, Kind, "カート取込", CancellationToken, connectionId);
        string? error = null;
        try
        {
            var result = await sync.PullBotAsync(botId, run, CancellationToken, dueOnly: Payload.BotId is null, connectionId);
            (run.Customers, run.Orders, run.Skipped, run.Linked) = (result.Customers, result.Orders, result.Skipped, result.NewLinks);
            if (result.Errors.Count > 0) error = string.Join(" / ", result.Errors);
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            await gate.DisposeAsync();
            await run.CancelAsync();
            throw;
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Cart pull for bot {BotId} failed", botId);
            error = "取込中に予期しないエラーが発生しました。";
        }
        // Free the bot before the last progress event, so screens that receive it can offer "今すぐ取り込む" again.
        await gate.DisposeAsync();
        await (error is null ? run.CompleteAsync() : run.FailAsync(error));
    }
}
