using Bunit;
using Ecai.Domain.Jobs;
using Ecai.Domain.Realtime;
using Ecai.Web.Components.Pages.Jobs;

namespace Ecai.Tests.Web.Components;

public sealed class JobListTests : ComponentTest
{
    [Fact]
    public async Task An_empty_list_says_how_jobs_get_there()
    {
        await SignedInBotAsync();

        var page = Render<JobList>();

        page.WaitForAssertion(() => Assert.Contains("今すぐ取り込む", page.Find("[data-testid=no-jobs]").TextContent));
    }

    [Fact]
    public async Task Lists_the_bots_runs_newest_first_with_state_Japan_times_counts_and_errors()
    {
        var bot = await SignedInBotAsync();
        var other = await Seed.BotAsync("別のショップ");
        await using (var db = Db.CreateDbContext())
        {
            db.JobRuns.AddRange(
                new JobRun
                {
                    BotId = bot, Kind = "cart-pull", Title = "カート取込", State = JobState.Succeeded,
                    StartedAt = Now.AddHours(-2), EndedAt = Now.AddHours(-2).AddMinutes(3),
                    Done = 123456, Customers = 23456, Orders = 100000, Skipped = 3, Linked = 1200,
                },
                new JobRun
                {
                    BotId = bot, Kind = "cart-pull", Title = "カート取込", State = JobState.Failed,
                    StartedAt = Now.AddHours(-1), EndedAt = Now.AddHours(-1), Error = "ecforce: カートのAPIに接続できませんでした。",
                },
                new JobRun { BotId = other, Kind = "cart-pull", Title = "他のBOTの取込", State = JobState.Succeeded, StartedAt = Now });
            await db.SaveChangesAsync();
        }

        var page = Render<JobList>();

        var rows = page.WaitForElements("[data-testid=job-row]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("失敗", rows[0].QuerySelector("[data-testid=job-state]")!.TextContent);
        Assert.Contains("カートのAPIに接続できませんでした", rows[0].QuerySelector("[data-testid=job-error]")!.TextContent);
        Assert.Contains("完了", rows[1].QuerySelector("[data-testid=job-state]")!.TextContent);
        Assert.Contains("2026/11/26 16:00", rows[1].TextContent);
        Assert.Contains("2026/11/26 16:03", rows[1].TextContent);
        foreach (var figure in new[] { "123,456", "23,456", "100,000", "1,200" })
            Assert.Contains(figure, rows[1].TextContent);
        Assert.DoesNotContain("他のBOTの取込", page.Markup);
    }

    [Fact]
    public async Task A_new_run_appears_live_and_counts_up()
    {
        var bot = await SignedInBotAsync();
        var page = Render<JobList>();
        page.WaitForElement("[data-testid=no-jobs]");

        var runId = await Seed.RunningJobAsync(bot);
        Live.Publish(new JobProgressChanged(bot, runId, "cart-pull", "カート取込", 0, null, JobState.Running, null));
        page.WaitForAssertion(() => Assert.Contains("実行中", page.Find("[data-testid=job-row]").TextContent));

        Live.Publish(new JobProgressChanged(bot, runId, "cart-pull", "カート取込", 4321, null, JobState.Running, "顧客を取込中"));

        page.WaitForAssertion(() =>
        {
            var row = page.Find("[data-testid=job-row]");
            Assert.Contains("4,321", row.TextContent);
            Assert.Contains("顧客を取込中", row.TextContent);
        });
    }
}
