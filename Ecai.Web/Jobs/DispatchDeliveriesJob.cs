using Coravel.Invocable;
using Ecai.Domain.Data;
using Ecai.Domain.Jobs;
using Ecai.Domain.Line;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Follow;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Web.Jobs;

/// <summary>
/// Every minute, for every bot: each <see cref="IDeliveryPlanner"/> (steps, follow messages, broadcasts) writes what became
/// due, then the dispatcher sends it. A JobRun 「配信」 (with live progress on ホーム) is opened only when rows are due, so
/// ジョブリスト is not flooded with empty runs. After a restart the pending backlog is simply due again (same retry keys).
/// </summary>
public sealed class DispatchDeliveriesJob(IDbContextFactory<EcaiDb> dbs, IEnumerable<IDeliveryPlanner> planners, DeliveryDispatcher dispatcher,
    LineChannels channels, FollowRichMenus richMenus, JobRuns runs, TimeProvider clock, ILogger<DispatchDeliveriesJob> log) : IInvocable, ICancellableInvocable
{
    public const string Kind = "dispatch";
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        List<int> bots;
        await using (var db = await dbs.CreateDbContextAsync(CancellationToken))
            bots = await db.Bots.Select(b => b.Id).ToListAsync(CancellationToken);
        foreach (var botId in bots) await RunBotAsync(botId, CancellationToken);
    }

    /// <summary>Plans and sends for one bot (the minute tick, or a wake from <see cref="IDispatchSignal"/>).</summary>
    public async Task RunBotAsync(int botId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var planner in planners)
        {
            try
            {
                await planner.PlanAsync(botId, now, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // One feature's planner failing must not stop the others' sends.
                log.LogError(ex, "Planner {Planner} for bot {BotId} failed", planner.GetType().Name, botId);
            }
        }
        if (await dispatcher.DueCountAsync(botId, ct) == 0) return;
        if (await channels.AccessTokenAsync(botId, ct) is null)
        {
            await dispatcher.DispatchAsync(botId, ct); // records "no channel" for the dashboard; the rows stay pending
            return;
        }
        var run = await runs.StartAsync(botId, Kind, "配信", ct);
        try
        {
            var result = await dispatcher.DispatchAsync(botId, ct, run);
            // Follow messages' rich-menu actions are HTTP calls, made after the sends' transaction (retried next time on failure).
            await richMenus.LinkPendingAsync(botId, ct);
            run.Skipped = result.Skipped;
            await (result.Halt switch
            {
                DispatchHalt.QuotaExceeded => run.FailAsync("今月の配信数の上限に達しました。送信待ちの配信は1時間ごとに再試行します。"),
                DispatchHalt.NoChannel => run.FailAsync("LINEチャネルが設定されていないため、配信できません。"),
                _ when result.Failed > 0 => run.FailAsync($"{result.Failed}件の配信に失敗しました(会員詳細で理由を確認できます)。"),
                _ => run.CompleteAsync(),
            });
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await run.CancelAsync();
            throw;
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Dispatch for bot {BotId} failed", botId);
            await run.FailAsync("配信中に予期しないエラーが発生しました。送信待ちの配信は次回に再送します。");
        }
    }
}

/// <summary>
/// Runs <see cref="DispatchDeliveriesJob.RunBotAsync"/> at once for each bot woken through <see cref="IDispatchSignal"/>
/// (a 「今すぐ送信」 broadcast, a chat reply, the demo clock moving), instead of waiting for the next minute.
/// </summary>
public sealed class DispatchWakeLoop(DeliveryDispatcher dispatcher, IServiceScopeFactory scopes, ILogger<DispatchWakeLoop> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var botId in dispatcher.Wakes.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DispatchDeliveriesJob>().RunBotAsync(botId, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    log.LogError(ex, "Woken dispatch for bot {BotId} failed", botId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down; pending rows are due again on the next start
        }
    }
}
