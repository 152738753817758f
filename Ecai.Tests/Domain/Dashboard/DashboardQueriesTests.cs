using Ecai.Domain.Bots;
using Ecai.Domain.Carts;
using Ecai.Domain.Dashboard;
using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Tests.Support;
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
        var starts = DashboardQueries.MonthStarts(Now);

        Assert.Equal(13, starts.Count);
        Assert.Equal(new DateTimeOffset(2025, 1, 31, 15, 0, 0, TimeSpan.Zero), starts[0]);  // 2025/02/01 00:00 JST
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 15, 0, 0, TimeSpan.Zero), starts[11]); // 2026/01/01 00:00 JST
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 15, 0, 0, TimeSpan.Zero), starts[12]);  // 2026/02/01 00:00 JST
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
        db.CartLinks.Add(new CartLink { BotId = member.BotId, MemberId = member.Id, CartCustomerId = customer.Id, ConnectionId = connection.Id });
    }
}
