using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Steps;
using Ecai.Domain.Tags;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Ecai.Tests.Support.CartRecords;

namespace Ecai.Tests.Domain.Carts;

/// <summary>
/// A cart's first import links its history at once: with the default choice the steps its tag rules trigger reach only
/// members linked from then on; with 「全員に送る」 every historical match enters too.
/// </summary>
public sealed class FirstImportReachTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private DomainFixture _f = null!;
    private StepPlanner _planner = null!;
    private int _bot;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _planner = new StepPlanner(_f.Db);
        _bot = await _f.AddBotAsync();
        _f.Carts.Customers.AddRange([Customer("A", "090-1111-2222"), Customer("B", "080-3333-4444"), Customer("C", "070-5555-6666")]);
        _f.Carts.Orders.AddRange([Order("1", "A"), Order("2", "B"), Order("3", "C", minute: 2)]);
        await _f.Members.AddAsync(_bot, [new NewMember("U1", "一郎", T0, "09011112222"), new NewMember("U2", "二郎", T0, "08033334444")], Ct);
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    /// <summary>A tag rule 「カート連携時」 on the connection, and an enabled step scenario on that tag.</summary>
    private async Task StepOnLinkAsync(int connection)
    {
        await using var db = _f.Db.CreateDbContext();
        var tag = new Tag { BotId = _bot, Name = "連携済み", CreatedAt = T0 };
        var message = new StoredMessage { BotId = _bot, ContentJson = MessageContent.Empty.ToJson(), CreatedAt = T0 };
        db.AddRange(tag, message);
        await db.SaveChangesAsync();
        var scenario = new StepScenario { BotId = _bot, Name = "連携お礼", Enabled = true, Trigger = StepTrigger.TagAdded, TagId = tag.Id, CreatedAt = T0 };
        db.AddRange(scenario, new TagRule { BotId = _bot, TagId = tag.Id, Kind = TagRuleKind.CartLinked, ConnectionId = connection, CreatedAt = T0 });
        await db.SaveChangesAsync();
        db.Add(new ScenarioStep { ScenarioId = scenario.Id, DelayKind = StepDelayKind.Minutes, Amount = 5, MessageId = message.Id });
        await db.SaveChangesAsync();
    }

    private async Task<string[]> StepRecipientsAsync()
    {
        await _planner.PlanAsync(_bot, _f.Clock.GetUtcNow(), Ct);
        await using var db = _f.Db.CreateDbContext();
        return await db.Deliveries.Where(d => d.Source == DeliverySource.Step)
            .Join(db.Members, d => d.MemberId, m => m.Id, (d, m) => m.LineUserId).OrderBy(u => u).ToArrayAsync();
    }

    [Fact]
    public async Task By_default_the_first_import_enqueues_no_steps_for_history_and_a_member_linked_later_gets_one()
    {
        var connection = await _f.ConnectAsync(_bot);
        await StepOnLinkAsync(connection);

        await _f.PullAsync(_bot);
        await using (var db = _f.Db.CreateDbContext())
            Assert.Equal(2, await db.MemberTags.CountAsync()); // the rule tagged both historical links
        Assert.Empty(await StepRecipientsAsync());

        await _f.Members.AddAsync(_bot, [new NewMember("U3", "三郎", T0.AddDays(1), "07055556666")], Ct);
        await _f.PullAsync(_bot);
        Assert.Equal(["U3"], await StepRecipientsAsync());
    }

    [Fact]
    public async Task With_everyone_chosen_the_first_import_enqueues_steps_for_every_historical_link()
    {
        var connection = await _f.ConnectAsync(_bot, firstImportToEveryone: true);
        await StepOnLinkAsync(connection);

        await _f.PullAsync(_bot);

        Assert.Equal(["U1", "U2"], await StepRecipientsAsync());
        await using var db = _f.Db.CreateDbContext();
        Assert.True(await db.CartConnections.Where(c => c.Id == connection).Select(c => c.FirstImportToEveryone).SingleAsync());
    }
}
