using Ecai.Domain.Bots;
using Ecai.Domain.Carts;
using Ecai.Domain.Dashboard;
using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Ecai.Tests.Domain.Dashboard;

public sealed class DashboardQueriesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 3, 0, 0, TimeSpan.Zero); // 2026/01/15 12:00 JST
    private TestDb _db = default!;

    public async Task InitializeAsync() => _db = await TestDb.CreateAsync();
    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public void The_twelve_months_end_with_the_current_JST_month_and_cross_the_year()
    {
        var months = DashboardQueries.Months(Now);

        Assert.Equal(12, months.Count);
        Assert.Equal(new DateOnly(2025, 2, 1), months[0]);
        Assert.Equal(new DateOnly(2026, 1, 1), months[11]);
        // 2026/01/31 15:00 UTC is already February in Japan.
        Assert.Equal(new DateOnly(2026, 2, 1), DashboardQueries.Months(new DateTimeOffset(2026, 1, 31, 15, 0, 0, TimeSpan.Zero))[11]);
    }

    [Fact]
    public async Task Counts_friends_distinct_linked_members_per_connection_and_months_for_one_bot()
    {
        int bot, other, ecforce, shopify;
        await using (var db = _db.CreateDbContext())
        {
            var b1 = new Bot { Name = "本店" };
            var b2 = new Bot { Name = "別店" };
            db.Bots.AddRange(b1, b2);
            await db.SaveChangesAsync();
            (bot, other) = (b1.Id, b2.Id);
            var c1 = Connection(bot, CartKind.Ecforce);
            var c2 = Connection(bot, CartKind.Shopify);
            var c3 = Connection(other, CartKind.Ecforce);
            db.CartConnections.AddRange(c1, c2, c3);
            await db.SaveChangesAsync();
            (ecforce, shopify) = (c1.Id, c2.Id);

            var jan = new DateTimeOffset(2025, 12, 31, 15, 0, 0, TimeSpan.Zero);  // 2026/01/01 00:00 JST
            var dec = new DateTimeOffset(2025, 12, 31, 14, 59, 0, TimeSpan.Zero); // 2025/12/31 23:59 JST
            var old = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);     // before the window
            var members = new[] { jan, jan, jan, dec, dec, old }.Select((t, i) => Member(bot, i, t)).ToList();
            members.Add(Member(other, 99, jan));
            db.Members.AddRange(members);
            await db.SaveChangesAsync();

            // jan[0]: ecforce twice; jan[1]: ecforce + Shopify; dec[3]: Shopify; old: ecforce; other bot: linked.
            Link(db, members[0], c1); Link(db, members[0], c1); Link(db, members[1], c1); Link(db, members[1], c2);
            Link(db, members[3], c2); Link(db, members[5], c1); Link(db, members[6], c3);
            await db.SaveChangesAsync();
        }
        var queries = new DashboardQueries(_db, new FakeTimeProvider(Now));

        var s = await queries.SnapshotAsync(bot, CancellationToken.None);

        Assert.Equal(6, s.TotalFriends);
        Assert.Equal(4, s.LinkedFriends);
        Assert.Equal(4 * 100.0 / 6, s.LinkedShare);
        Assert.Equal([(ecforce, "ecforce", 3), (shopify, "Shopify", 2)],
            s.PerCart.Select(c => (c.ConnectionId, c.CartName, c.LinkedMembers)));
        Assert.Equal(12, s.Months.Count);
        Assert.Equal(new DateOnly(2025, 2, 1), s.Months[0].Month);
        Assert.Equal(new MonthlyLinks(new DateOnly(2025, 12, 1), 2, 1), s.Months[10]);
        Assert.Equal(new MonthlyLinks(new DateOnly(2026, 1, 1), 3, 2), s.Months[11]);
        Assert.All(s.Months.Take(10), m => Assert.Equal(0, m.NewFriends));
    }

    [Fact]
    public async Task The_counters_stay_equal_to_a_recount_through_unlinking_moves_deletes_and_a_removed_connection()
    {
        await using var db = _db.CreateDbContext();
        var bot = new Bot { Name = "本店" };
        db.Bots.Add(bot);
        await db.SaveChangesAsync();
        var c1 = Connection(bot.Id, CartKind.Ecforce);
        var c2 = Connection(bot.Id, CartKind.Shopify);
        db.CartConnections.AddRange(c1, c2);
        await db.SaveChangesAsync();
        var members = Enumerable.Range(0, 6).Select(i => Member(bot.Id, i, Now.AddDays(-20 * i))).ToList();
        db.Members.AddRange(members);
        await db.SaveChangesAsync();
        Link(db, members[0], c1); Link(db, members[0], c2); Link(db, members[1], c1); Link(db, members[1], c1);
        Link(db, members[2], c2); Link(db, members[3], c1);
        await db.SaveChangesAsync();

        async Task<string> Counters() =>
            string.Join(";", db.FriendMonthCounts.Where(c => c.Friends != 0 || c.Linked != 0).OrderBy(c => c.Month).Select(c => $"{c.Month}:{c.Friends}/{c.Linked}"))
            + "|" + string.Join(";", db.ConnectionLinkCounts.Where(c => c.Members != 0).OrderBy(c => c.ConnectionId).Select(c => $"{c.ConnectionId}:{c.Members}"));
        async Task AssertEqualsRecountAsync()
        {
            db.ChangeTracker.Clear();
            var kept = await Counters();
            foreach (var sql in DashboardCounterTriggers.Rebuild(db.Dialect)) await db.Database.ExecuteSqlRawAsync(sql);
            Assert.Equal(await Counters(), kept);
        }
        await AssertEqualsRecountAsync();
        Assert.Contains("202601:1/1", await Counters());

        // One of two links goes (still linked), then the last one (unlinked).
        db.CartLinks.RemoveRange(db.CartLinks.Where(l => l.MemberId == members[1].Id).Take(1));
        await db.SaveChangesAsync();
        await AssertEqualsRecountAsync();
        await db.CartLinks.Where(l => l.MemberId == members[1].Id).ExecuteDeleteAsync();
        await AssertEqualsRecountAsync();
        // A friend date moves to another month; a linked member is deleted; a connection goes with its links.
        await db.Members.Where(m => m.Id == members[0].Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.FriendAddedAt, Now.AddDays(-200)));
        await AssertEqualsRecountAsync();
        await db.Members.Where(m => m.Id == members[3].Id).ExecuteDeleteAsync();
        await AssertEqualsRecountAsync();
        await db.CartConnections.Where(c => c.Id == c2.Id).ExecuteDeleteAsync();
        await AssertEqualsRecountAsync();

        var s = await new DashboardQueries(_db, new FakeTimeProvider(Now)).SnapshotAsync(bot.Id, CancellationToken.None);
        Assert.Equal((5, 1), (s.TotalFriends, s.LinkedFriends)); // only members[0] keeps a link (ecforce)
        Assert.Equal([(c1.Id, 1)], s.PerCart.Select(c => (c.ConnectionId, c.LinkedMembers)));
    }

    [Fact]
    public async Task An_empty_bot_has_zero_share_and_twelve_empty_months()
    {
        var queries = new DashboardQueries(_db, new FakeTimeProvider(Now));

        var s = await queries.SnapshotAsync(12345, CancellationToken.None);

        Assert.Equal((0, 0, 0.0), (s.TotalFriends, s.LinkedFriends, s.LinkedShare));
        Assert.Empty(s.PerCart);
        Assert.Equal(12, s.Months.Count);
    }

    private static CartConnection Connection(int botId, CartKind kind) => new()
    {
        BotId = botId, Kind = kind, CartDomain = $"{kind}.example.jp".ToLowerInvariant(), ApiBaseUrl = "https://api.example.jp",
        ProtectedSecrets = "x",
    };

    private static Member Member(int botId, int n, DateTimeOffset added) =>
        new() { BotId = botId, LineUserId = $"U{botId}-{n}", FriendAddedAt = added };

    private static void Link(Ecai.Domain.Data.EcaiDb db, Member member, CartConnection connection)
    {
        var customer = new CartCustomer { ConnectionId = connection.Id, BotId = connection.BotId, ExternalId = Guid.NewGuid().ToString("N") };
        db.CartCustomers.Add(customer);
        db.SaveChanges();
        db.CartLinks.Add(new CartLink { BotId = member.BotId, MemberId = member.Id, CartCustomerId = customer.Id, ConnectionId = connection.Id, CustomerExternalId = customer.ExternalId });
    }
}
