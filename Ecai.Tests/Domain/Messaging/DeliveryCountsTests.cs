using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Tests.Support;

namespace Ecai.Tests.Domain.Messaging;

public sealed class DeliveryCountsTests : IAsyncLifetime
{
    private DomainFixture _f = null!;

    public async Task InitializeAsync() => _f = await DomainFixture.CreateAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Counts_each_message_by_state_with_blocked_members_apart_and_ignores_other_sources_and_bots()
    {
        var bot = await _f.AddBotAsync();
        var other = await _f.AddBotAsync("別ショップ");
        await using var db = _f.Db.CreateDbContext();
        var members = Enumerable.Range(0, 6).Select(i => new Member { BotId = bot, LineUserId = $"U{i}" }).ToList();
        var stranger = new Member { BotId = other, LineUserId = "X" };
        db.Members.AddRange([.. members, stranger]);
        var message = new StoredMessage { BotId = bot, ContentJson = "{}" };
        var otherMessage = new StoredMessage { BotId = other, ContentJson = "{}" };
        db.StoredMessages.AddRange(message, otherMessage);
        await db.SaveChangesAsync();
        void Add(Member m, DeliverySource source, long sourceId, DeliveryState state, DeliverySkipReason? reason = null) =>
            db.Deliveries.Add(new Delivery
            {
                BotId = m.BotId, MemberId = m.Id, Source = source, SourceId = sourceId, MessageId = m.BotId == bot ? message.Id : otherMessage.Id,
                RetryKey = Guid.NewGuid(), State = state, SkipReason = reason,
            });
        Add(members[0], DeliverySource.Step, 7, DeliveryState.Sent);
        Add(members[1], DeliverySource.Step, 7, DeliveryState.Sent);
        Add(members[2], DeliverySource.Step, 7, DeliveryState.Failed);
        Add(members[3], DeliverySource.Step, 7, DeliveryState.Pending);
        Add(members[4], DeliverySource.Step, 7, DeliveryState.Skipped, DeliverySkipReason.Blocked);
        Add(members[5], DeliverySource.Step, 7, DeliveryState.Skipped, DeliverySkipReason.FilterNotMatched);
        Add(members[0], DeliverySource.Step, 8, DeliveryState.Pending);
        Add(members[0], DeliverySource.Follow, 7, DeliveryState.Sent);
        Add(stranger, DeliverySource.Step, 7, DeliveryState.Sent);
        await db.SaveChangesAsync();

        var counts = await new DeliveryCounts(_f.Db).ForAsync(bot, DeliverySource.Step, [7, 8, 9], CancellationToken.None);

        Assert.Equal(new DeliveryTally(Sent: 2, Failed: 1, Pending: 1, Skipped: 1, Blocked: 1), counts[7]);
        Assert.Equal(new DeliveryTally(0, 0, 1, 0, 0), counts[8]);
        Assert.Equal(DeliveryTally.None, counts[9]);
    }
}
