using System.Data.Common;
using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Follow;
using Ecai.Domain.Tags;
using Ecai.Domain.Time;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Ecai.Tests.Domain.Messaging.Follow;

/// <summary>A bot with one shipping cart, its products, linked members and their shipped orders, and follow messages over them.</summary>
internal sealed class FollowShop(DomainFixture f, FakeTimeProvider clock, int botId, int connectionId)
{
    /// <summary>The shop's own clock (the fixture's starts after the seed example's dates and cannot go back).</summary>
    public FakeTimeProvider Clock => clock;
    public int BotId => botId;
    public int ConnectionId => connectionId;
    public FollowMessages Messages { get; } = new(f.Db, new DeliveryCounts(f.Db), clock);
    public FollowPlanner Planner { get; } = new(f.Db);
    public FollowDeliverySource Source { get; } = new();

    public static async Task<FollowShop> CreateAsync(DomainFixture f, CartKind kind = CartKind.Ecforce)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var bot = await f.AddBotAsync();
        await using var db = f.Db.CreateDbContext();
        var connection = new CartConnection
        {
            BotId = bot, Kind = kind, CartDomain = "shop.example.jp", ApiBaseUrl = "https://shop.example.jp", ProtectedSecrets = "-",
            CreatedAt = clock.GetUtcNow(),
        };
        db.CartConnections.Add(connection);
        await db.SaveChangesAsync();
        db.CartProducts.AddRange(
            new CartProduct { ConnectionId = connection.Id, Code = "SERUM", Name = "美容液" },
            new CartProduct { ConnectionId = connection.Id, Code = "SOAP", Name = "石けん" });
        await db.SaveChangesAsync();
        return new FollowShop(f, clock, bot, connection.Id);
    }

    /// <summary>A LINE friend linked to a cart customer of its own; returns the member id.</summary>
    public async Task<long> MemberAsync(string name)
    {
        await using var db = f.Db.CreateDbContext();
        var member = new Member { BotId = botId, LineUserId = "U" + name, DisplayName = name, FriendAddedAt = clock.GetUtcNow() };
        var customer = new CartCustomer { BotId = botId, ConnectionId = connectionId, ExternalId = "C-" + name, UpdatedAt = clock.GetUtcNow() };
        db.Members.Add(member);
        db.CartCustomers.Add(customer);
        await db.SaveChangesAsync();
        db.CartLinks.Add(new CartLink { BotId = botId, MemberId = member.Id, CartCustomerId = customer.Id, ConnectionId = connectionId, CustomerExternalId = customer.ExternalId, LinkedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();
        return member.Id;
    }

    /// <summary>An order of the member's customer with one line of <paramref name="product"/>, shipped at <paramref name="shippedAt"/>; returns its id.</summary>
    public async Task<long> OrderAsync(string member, string product, DateTimeOffset? shippedAt, int? times = null, bool cancelled = false)
    {
        await using var db = f.Db.CreateDbContext();
        var external = "O" + (await db.CartOrders.CountAsync() + 1);
        var order = new CartOrder
        {
            ConnectionId = connectionId, ExternalId = external, CustomerExternalId = "C-" + member, OrderedAt = (shippedAt ?? clock.GetUtcNow()).AddDays(-2),
            ShippedAt = shippedAt, Times = times, Cancelled = cancelled, Amount = 3980, UpdatedAt = clock.GetUtcNow(),
            Items = [new CartOrderItem { ConnectionId = connectionId, OrderExternalId = external, LineNo = 1, ProductCode = product, Quantity = 1, Price = 3980 }],
        };
        db.CartOrders.Add(order);
        await db.SaveChangesAsync();
        return order.Id;
    }

    public async Task<int> TagAsync(string name)
    {
        await using var db = f.Db.CreateDbContext();
        var tag = new Tag { BotId = botId, Name = name, CreatedAt = clock.GetUtcNow() };
        db.Tags.Add(tag);
        await db.SaveChangesAsync();
        return tag.Id;
    }

    public async Task GiveTagAsync(long memberId, int tagId)
    {
        await using var db = f.Db.CreateDbContext();
        db.MemberTags.Add(new MemberTag { MemberId = memberId, TagId = tagId, AddedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();
    }

    public static FollowScenarioDraft Scenario(int days, int hour, int minute = 0, string text = "ご購入ありがとうございます") =>
        new() { DaysAfter = days, AtTime = new TimeOnly(hour, minute), Content = new MessageContent([new Bubble { Kind = BubbleKind.Text, Text = text }]) };

    /// <summary>Saves an enabled follow message for <paramref name="product"/>; returns its id.</summary>
    public async Task<int> FollowAsync(string name, string product, params FollowScenarioDraft[] scenarios) =>
        await FollowAsync(new FollowDraft { Name = name, ProductCode = product, Scenarios = [.. scenarios] });

    public async Task<int> FollowAsync(FollowDraft draft)
    {
        draft.ConnectionId ??= connectionId;
        draft.Enabled = true;
        var (errors, id) = await Messages.SaveAsync(botId, draft, CancellationToken.None);
        Assert.Empty(errors);
        return id;
    }

    public Task<long> PlanAsync() => Planner.PlanAsync(botId, clock.GetUtcNow(), CancellationToken.None);

    public async Task<List<Delivery>> DeliveriesAsync()
    {
        await using var db = f.Db.CreateDbContext();
        return await db.Deliveries.AsNoTracking().Where(d => d.BotId == botId).OrderBy(d => d.Id).ToListAsync();
    }

    public async Task<IReadOnlyList<long>> ScenarioIdsAsync(int followId)
    {
        await using var db = f.Db.CreateDbContext();
        return await db.Set<FollowScenario>().Where(s => s.FollowMessageId == followId).OrderBy(s => s.SortOrder).Select(s => s.Id).ToListAsync();
    }

    /// <summary>Runs a dispatcher hook over the given delivery ids, as the dispatcher would: a temp table of ids in its transaction.</summary>
    public async Task HookAsync(IReadOnlyCollection<long> ids, Func<DbConnection, DbTransaction, string, Task> hook)
    {
        await using var context = f.Db.CreateDbContext();
        await context.Database.OpenConnectionAsync();
        var db = context.Database.GetDbConnection();
        await using var tx = await db.BeginTransactionAsync();
        await using (var create = db.CreateCommand())
        {
            create.Transaction = tx;
            create.CommandText = $"CREATE TEMP TABLE IF NOT EXISTS Batch (Id {SqlDialect.Of(db).IdKey}); DELETE FROM Batch;"
                + string.Concat(ids.Select(id => $"INSERT INTO Batch (Id) VALUES ({id});"));
            await create.ExecuteNonQueryAsync();
        }
        await hook(db, tx, "Batch");
        await tx.CommitAsync();
    }

    /// <summary>Marks the deliveries sent and runs <see cref="FollowDeliverySource.AfterSentAsync"/> for them (one dispatcher batch).</summary>
    public Task SentAsync(IReadOnlyCollection<long> ids) => HookAsync(ids, async (db, tx, table) =>
    {
        await using (var mark = db.CreateCommand())
        {
            mark.Transaction = tx;
            mark.CommandText = $"UPDATE Deliveries SET State = 1 WHERE Id IN (SELECT Id FROM {table})";
            await mark.ExecuteNonQueryAsync();
        }
        await Source.AfterSentAsync(db, tx, table, clock.GetUtcNow(), CancellationToken.None);
    });

    public static DateTimeOffset Jst(int year, int month, int day, int hour, int minute = 0) =>
        JapanTime.At(new DateOnly(year, month, day), new TimeOnly(hour, minute));
}
