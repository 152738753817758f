using Bunit;
using Ecai.Domain.Line;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Broadcasts;
using Ecai.Domain.Realtime;
using Ecai.Tests.Domain.Messaging;
using Ecai.Tests.Web.Components;
using Ecai.Web.Components.Pages.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Web.Broadcasts;

public sealed class MemberDeliveriesTests : ComponentTest
{

    [Fact]
    public async Task Lists_the_members_deliveries_newest_first_with_source_title_and_state_in_Japanese_and_redraws_live()
    {
        var bot = await SignedInBotAsync();
        var member = (await Seed.MembersAsync(bot, 1)).Single();
        await Services.GetRequiredService<Ecai.Domain.Messaging.Broadcasts.Broadcasts>().CreateAsync(bot,
            new BroadcastRequest("冬のセール", LedgerWorld.Text("お知らせ"), null, Now.AddHours(1)), "運用 太郎", CancellationToken.None);
        await using (var db = Db.CreateDbContext())
        {
            var message = new StoredMessage { BotId = bot, ContentJson = LedgerWorld.Text("x").ToJson() };
            db.StoredMessages.Add(message);
            await db.SaveChangesAsync();
            Delivery Row(DeliverySource source, long sourceId, DeliveryState state, DeliverySkipReason? reason = null, string? error = null) => new()
            {
                BotId = bot, MemberId = member, Source = source, SourceId = sourceId, MessageId = message.Id, RetryKey = Guid.NewGuid(),
                DueAt = Now, State = state, SkipReason = reason, Error = error, Attempts = state == DeliveryState.Pending ? 0 : 1,
            };
            db.Deliveries.AddRange(
                Row(DeliverySource.Step, 7, DeliveryState.Sent),
                Row(DeliverySource.Follow, 8, DeliveryState.Failed, error: "The property, 'to', in the request body is invalid"),
                Row(DeliverySource.Step, 9, DeliveryState.Skipped, DeliverySkipReason.FilterNotMatched));
            await db.SaveChangesAsync();
        }

        var list = Render<MemberDeliveries>(p => p.Add(x => x.BotId, bot).Add(x => x.MemberId, member));

        // The first page loads asynchronously (on PostgreSQL it is not done when the first render returns).
        var rows = list.WaitForElements("[data-testid=member-delivery]", 3);
        Assert.Equal(["送信しない(配信条件に合わなくなった)", "失敗(The property, 'to', in the request body is invalid)", "送信済み"],
            list.FindAll("[data-testid=member-delivery-state]").Select(c => c.TextContent.Trim()));
        Assert.Contains("引上フォロー", rows[1].TextContent);
        Assert.Contains("#8", rows[1].TextContent);

        Clock.Advance(TimeSpan.FromHours(1));
        await Services.GetRequiredService<BroadcastPlanner>().PlanAsync(bot, Clock.GetUtcNow(), CancellationToken.None);
        Live.Publish(new DeliveriesChanged(bot));

        list.WaitForAssertion(() => Assert.Equal(4, list.FindAll("[data-testid=member-delivery]").Count));
        var newest = list.FindAll("[data-testid=member-delivery]")[0];
        Assert.Contains("一斉配信", newest.TextContent);
        Assert.Contains("冬のセール", newest.TextContent);
        Assert.Contains("送信待ち", newest.TextContent);
    }
}
