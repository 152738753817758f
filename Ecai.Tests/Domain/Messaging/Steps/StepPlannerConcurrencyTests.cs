using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Steps;
using Ecai.Domain.Tags;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Domain.Messaging.Steps;

/// <summary>
/// The step planner's cursor over member events while events keep arriving (on PostgreSQL truly at the same time): an
/// event committed after a higher one was read is still planned, and none twice. Without the member-events lock
/// (SqlDialect.LockMemberEvents) PostgreSQL skips some.
/// </summary>
public sealed class StepPlannerConcurrencyTests : IAsyncLifetime
{
    private DomainFixture _f = null!;
    private int _bot;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateFileAsync();
        _bot = await _f.AddBotAsync();
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Every_tag_added_while_the_planner_runs_enters_the_scenario_once()
    {
        const int members = 400;
        await _f.Members.AddAsync(_bot, [.. Enumerable.Range(0, members).Select(i => new NewMember($"U{i:D32}", $"友だち{i}", _f.Clock.GetUtcNow()))],
            CancellationToken.None);
        var tag = (await new TagCatalog(_f.Db, _f.Live, _f.Clock).CreateAsync(_bot, "購入者", null, CancellationToken.None)).TagId!.Value;
        var scenarios = new StepScenarios(_f.Db, new DeliveryCounts(_f.Db), _f.Clock);
        var saved = await scenarios.SaveAsync(_bot, new StepScenarioDraft
        {
            Name = "購入者フォロー", Trigger = StepTrigger.TagAdded, TagId = tag,
            Steps = [new StepDraft { DelayKind = StepDelayKind.Minutes, Amount = 0, Content = new([new Bubble { Kind = BubbleKind.Text, Text = "ありがとうございます" }]) }],
        }, CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join(" / ", saved.Errors));
        var planner = new StepPlanner(_f.Db);
        var tagging = new MemberTagging(_f.Db, _f.Live, _f.Clock);
        long[] ids;
        await using (var db = _f.Db.CreateDbContext()) ids = [.. await db.Members.Select(m => m.Id).ToListAsync()];

        // Operators tagging members one by one (each its own transaction) while the minute's planner keeps running.
        using var done = new CancellationTokenSource();
        var planning = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested) await planner.PlanAsync(_bot, _f.Clock.GetUtcNow(), CancellationToken.None);
        });
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (member, ct) =>
            Assert.True(await tagging.SetAsync(_bot, member, tag, add: true, ct)));
        done.Cancel();
        await planning;
        await planner.PlanAsync(_bot, _f.Clock.GetUtcNow(), CancellationToken.None);

        await using var check = _f.Db.CreateDbContext();
        var events = await check.MemberEvents.Where(e => e.Kind == MemberEventKind.TagAdded).Select(e => e.Id).OrderBy(id => id).ToListAsync();
        var planned = await check.Deliveries.Where(d => d.Source == DeliverySource.Step).Select(d => d.Occurrence).OrderBy(o => o).ToListAsync();
        Assert.Equal(members, events.Count);
        Assert.Equal(events, planned);
    }
}
