using Coravel.Invocable;
using Ecai.Domain.Data;
using Ecai.Domain.Jobs;
using Ecai.Domain.Tags;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Web.Jobs;

/// <summary>
/// The safety net of タグの自動設定, at :00, :15, :30 and :45 (Japan's offset is whole hours, so these are the
/// same minutes in JST): every bot with enabled rules runs them all, one JobRun per bot with live progress.
/// The 00:00 JST run on the 1st is the one that switches birth-month tags.
/// </summary>
public sealed class TagSweepJob(IDbContextFactory<EcaiDb> dbs, TagRuleEngine engine, JobRuns runs, ILogger<TagSweepJob> log)
    : IInvocable, ICancellableInvocable
{
    public const string Kind = "tag-sweep";
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        List<int> bots;
        await using (var db = await dbs.CreateDbContextAsync(CancellationToken))
            bots = await db.TagRules.Where(r => r.Enabled).Select(r => r.BotId).Distinct().ToListAsync(CancellationToken);
        foreach (var botId in bots)
        {
            var run = await runs.StartAsync(botId, Kind, "タグの自動設定", CancellationToken);
            try
            {
                run.Linked = await engine.RunBotAsync(botId, CancellationToken, run); // tag changes
                await run.CompleteAsync();
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                await run.CancelAsync();
                throw;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Tag sweep for bot {BotId} failed", botId);
                await run.FailAsync("タグの自動設定の途中でエラーが発生しました。次回の実行で残りを処理します。");
            }
        }
    }
}
