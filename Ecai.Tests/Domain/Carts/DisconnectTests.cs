using Ecai.Domain.Carts;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Follow;
using Ecai.Domain.Messaging.Steps;
using Ecai.Domain.Tags;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Ecai.Tests.Support.CartRecords;

namespace Ecai.Tests.Domain.Carts;

/// <summary>連携解除 names what it deletes, deletes exactly that, and can keep what depends on the cart switched off.</summary>
public sealed class DisconnectTests : IAsyncLifetime
{
    private DomainFixture _f = null!;
    private int _bot, _ecforce, _shopify;
    private int _follow, _step, _otherStep, _rule, _otherRule;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _bot = await _f.AddBotAsync();
        _ecforce = await _f.ConnectAsync(_bot);
        _f.Carts.Customers.AddRange([Customer("A", "090-1111-2222"), Customer("B", "080-3333-4444"), Customer("C")]);
        _f.Carts.Orders.AddRange([Order("1", "A"), Order("2", "B"), Order("3", "A", minute: 2)]);
        await _f.Members.AddAsync(_bot, [new NewMember("U1", "一郎", T0, "09011112222"), new NewMember("U2", "二郎", T0, "08033334444")], CancellationToken.None);
        await _f.PullAsync(_bot);
        _shopify = await _f.ConnectAsync(_bot, CartKind.Shopify);

        await using var db = _f.Db.CreateDbContext();
        var tag = new Tag { BotId = _bot, Name = "ecforce連携済", CreatedAt = T0 };
        db.Tags.Add(tag);
        var message = new StoredMessage { BotId = _bot, ContentJson = MessageContent.Empty.ToJson(), CreatedAt = T0 };
        db.StoredMessages.Add(message);
        await db.SaveChangesAsync();
        var follow = new FollowMessage { BotId = _bot, ConnectionId = _ecforce, Name = "ローション発送フォロー", Enabled = true, ProductCode = "P-001", CreatedAt = T0 };
        var step = new StepScenario { BotId = _bot, Name = "ecforce購入者ステップ", Enabled = true, Trigger = StepTrigger.FriendAdded,
            FilterJson = new MemberFilter { Link = LinkState.Linked, LinkConnectionId = _ecforce }.ToJson(), CreatedAt = T0 };
        var otherStep = new StepScenario { BotId = _bot, Name = "Shopifyステップ", Enabled = true, Trigger = StepTrigger.FriendAdded,
            FilterJson = new MemberFilter { Link = LinkState.Linked, LinkConnectionId = _shopify }.ToJson(), CreatedAt = T0 };
        var rule = new TagRule { BotId = _bot, TagId = tag.Id, Kind = TagRuleKind.CartLinked, ConnectionId = _ecforce, CreatedAt = T0 };
        var otherRule = new TagRule { BotId = _bot, TagId = tag.Id, Kind = TagRuleKind.CartLinked, CreatedAt = T0 };
        db.AddRange(follow, step, otherStep, rule, otherRule);
        await db.SaveChangesAsync();
        var scenario = new FollowScenario { FollowMessageId = follow.Id, DaysAfter = 2, AtTime = new TimeOnly(18, 0), MessageId = message.Id };
        db.Add(scenario);
        db.Add(new ScenarioStep { ScenarioId = step.Id, DelayKind = StepDelayKind.Days, Amount = 1, MessageId = message.Id });
        await db.SaveChangesAsync();
        db.Deliveries.Add(new Delivery { BotId = _bot, MemberId = (await db.Members.FirstAsync()).Id, Source = DeliverySource.Follow, SourceId = scenario.Id,
            Occurrence = 1, MessageId = message.Id, RetryKey = Guid.NewGuid(), DueAt = T0.AddDays(3), State = DeliveryState.Pending, CreatedAt = T0 });
        await db.SaveChangesAsync();
        (_follow, _step, _otherStep, _rule, _otherRule) = (follow.Id, step.Id, otherStep.Id, rule.Id, otherRule.Id);
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task The_plan_names_the_imported_data_and_every_message_and_rule_that_uses_the_cart()
    {
        var plan = await _f.Connections.PreviewDisconnectAsync(_bot, _ecforce, CancellationToken.None);

        Assert.NotNull(plan);
        Assert.Equal((3, 3, 2), (plan.Customers, plan.Orders, plan.LinkedMembers));
        Assert.Equal(["ローション発送フォロー"], plan.FollowMessages);
        Assert.Equal(["ecforce購入者ステップ"], plan.Steps);
        var rule = Assert.Single(plan.TagRules);
        Assert.StartsWith("ecforce連携済: ", rule);
        Assert.Contains("ecforce", rule[("ecforce連携済: ".Length)..]);
    }

    [Fact]
    public async Task Keeping_switches_the_dependents_off_and_deletes_only_the_imported_data()
    {
        Assert.True(await _f.Connections.DisconnectAsync(_bot, _ecforce, keepDependents: true, CancellationToken.None));

        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(0, await db.CartCustomers.CountAsync(c => c.ConnectionId == _ecforce));
        Assert.Equal(0, await db.CartOrders.CountAsync());
        Assert.Equal(0, await db.CartLinks.CountAsync());
        var follow = await db.Set<FollowMessage>().SingleAsync(f => f.Id == _follow);
        Assert.Equal((false, (int?)null), (follow.Enabled, follow.ConnectionId));
        Assert.Single(await db.Set<FollowScenario>().Where(s => s.FollowMessageId == _follow).ToListAsync());
        Assert.False((await db.Set<StepScenario>().SingleAsync(s => s.Id == _step)).Enabled);
        Assert.Single(await db.Set<ScenarioStep>().Where(st => st.ScenarioId == _step).ToListAsync());
        Assert.False((await db.TagRules.SingleAsync(r => r.Id == _rule)).Enabled);
        Assert.Equal(DeliveryState.Skipped, (await db.Deliveries.SingleAsync()).State); // its pending send stopped
        // Untouched: what does not use the cart, the other cart, the members.
        Assert.True((await db.Set<StepScenario>().SingleAsync(s => s.Id == _otherStep)).Enabled);
        Assert.True((await db.TagRules.SingleAsync(r => r.Id == _otherRule)).Enabled);
        Assert.True(await db.CartConnections.AnyAsync(c => c.Id == _shopify));
        Assert.Equal(2, await db.Members.CountAsync());
    }

    [Fact]
    public async Task Deleting_removes_exactly_the_named_dependents()
    {
        Assert.True(await _f.Connections.DisconnectAsync(_bot, _ecforce, keepDependents: false, CancellationToken.None));

        await using var db = _f.Db.CreateDbContext();
        Assert.False(await db.Set<FollowMessage>().AnyAsync());
        Assert.Equal([_otherStep], await db.Set<StepScenario>().Select(s => s.Id).ToListAsync());
        Assert.Empty(await db.Set<ScenarioStep>().ToListAsync());
        Assert.Equal([_otherRule], await db.TagRules.Select(r => r.Id).ToListAsync());
        Assert.Equal(0, await db.CartCustomers.CountAsync(c => c.ConnectionId == _ecforce));
        Assert.Equal(DeliveryState.Skipped, (await db.Deliveries.SingleAsync()).State); // the ledger's history stays
        Assert.True(await db.CartConnections.AnyAsync(c => c.Id == _shopify));
    }

    [Fact]
    public async Task A_kept_follow_message_cannot_be_switched_on_without_a_cart()
    {
        await _f.Connections.DisconnectAsync(_bot, _ecforce, keepDependents: true, CancellationToken.None);
        var follow = new FollowMessages(_f.Db, new DeliveryCounts(_f.Db), _f.Clock);

        await follow.SetEnabledAsync(_bot, _follow, true, CancellationToken.None);

        var row = Assert.Single(await follow.ListAsync(_bot, CancellationToken.None));
        Assert.Equal((false, (CartKind?)null), (row.Enabled, row.Kind));
    }
}
