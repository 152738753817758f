using Ecai.Domain.Bots;
using Ecai.Domain.Carts;
using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Ecai.Tests.Support.CartRecords;

namespace Ecai.Tests.Domain.Carts;

/// <summary>
/// Two writers at once on one database (on PostgreSQL truly in parallel; on SQLite one after the other): neither loses
/// nor doubles a customer's totals or a link's CartLinked event.
/// </summary>
public sealed class ConcurrentWritersTests : IAsyncLifetime
{
    private TestDb _db = default!;
    private int _bot, _connection;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateFileAsync();
        await using var db = _db.CreateDbContext();
        var bot = new Bot { Name = "本店" };
        db.Bots.Add(bot);
        await db.SaveChangesAsync();
        var connection = new CartConnection
        {
            BotId = bot.Id, Kind = CartKind.Ecforce, CartDomain = "shop.example.jp", ApiBaseUrl = "https://shop.example.jp", ProtectedSecrets = "x",
        };
        db.CartConnections.Add(connection);
        await db.SaveChangesAsync();
        (_bot, _connection) = (bot.Id, connection.Id);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task WriteAsync(IReadOnlyList<CartCustomerRecord> customers, IReadOnlyList<CartOrderRecord> orders, Barrier? start = null)
    {
        await using var context = _db.CreateDbContext();
        await context.Database.OpenConnectionAsync();
        var db = context.Database.GetDbConnection();
        start?.SignalAndWait(TimeSpan.FromSeconds(10));
        await CartImportWriter.InTransactionAsync(db, async tx =>
        {
            if (customers.Count > 0) await CartImportWriter.WriteCustomersAsync(db, tx, _connection, _bot, customers, null, CancellationToken.None);
            await CartImportWriter.WriteOrdersAsync(db, tx, _connection, _bot, orders, null, CancellationToken.None);
        }, CancellationToken.None);
    }

    [Fact]
    public async Task Two_imports_of_the_same_orders_at_once_keep_the_totals_equal_to_a_recount()
    {
        await WriteAsync([Customer("a"), Customer("b")], [Order("0", "a")]);
        for (var round = 1; round <= 15; round++)
        {
            // Both writers bring the same 40 new orders, each for another customer and amount: whichever commits last owns them.
            var ids = Enumerable.Range(0, 40).Select(i => $"{round}-{i}").ToList();
            using var start = new Barrier(2);
            await Task.WhenAll(
                Task.Run(() => WriteAsync([], [.. ids.Select(id => Order(id, "a", amount: 100))], start)),
                Task.Run(() => WriteAsync([], [.. ids.Select(id => Order(id, "b", amount: 250))], start)));
        }

        await using var db = _db.CreateDbContext();
        var kept = await db.CustomerOrderTotals.AsNoTracking().OrderBy(t => t.CustomerExternalId)
            .Select(t => new { t.CustomerExternalId, t.Orders, t.Amount }).ToListAsync();
        var counted = await db.CartOrders.AsNoTracking().Where(o => !o.Cancelled).GroupBy(o => o.CustomerExternalId).OrderBy(g => g.Key)
            .Select(g => new { CustomerExternalId = g.Key, Orders = g.Count(), Amount = g.Sum(o => o.Amount) }).ToListAsync();
        Assert.Equal(601, counted.Sum(c => c.Orders));
        Assert.Equal(counted, kept.Where(t => t.Orders != 0 || t.Amount != 0).ToList());
    }

    [Fact]
    public async Task Linkers_at_once_write_one_cart_linked_event_per_new_link()
    {
        const int n = 1000;
        var customers = Enumerable.Range(0, n).Select(i => Customer($"c{i}", phone: $"090-{1000 + i / 1000}-{i % 1000:D4}")).ToList();
        await WriteAsync(customers, [.. customers.Select(c => Order("o" + c.ExternalId, c.ExternalId))]);
        await using (var db = _db.CreateDbContext())
        {
            db.Members.AddRange(customers.Select((c, i) => new Member
            {
                BotId = _bot, LineUserId = $"U{i:D32}", DisplayName = $"友だち{i}", FriendAddedAt = T0,
                PhoneRaw = c.PhoneRaw, PhoneNormalized = PhoneNormalizer.Normalize(c.PhoneRaw),
            }));
            await db.SaveChangesAsync();
        }

        // Eight at a time, each linking one member (as identity forms submitted at once do), then one linking the whole bot.
        var clock = new FakeTimeProvider(T0);
        long[] members;
        await using (var db = _db.CreateDbContext()) members = [.. await db.Members.Select(m => m.Id).ToListAsync()];
        var added = 0;
        await Parallel.ForEachAsync(members.Take(400), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (member, ct) =>
            Interlocked.Add(ref added, await new Linker(_db, clock).LinkBotAsync(_bot, ct, member)));
        added += await new Linker(_db, clock).LinkBotAsync(_bot, CancellationToken.None);

        await using var check = _db.CreateDbContext();
        Assert.Equal(n, await check.CartLinks.CountAsync());
        Assert.Equal(n, added); // each link counted by the linker that wrote it
        var events = await check.MemberEvents.Where(e => e.Kind == MemberEventKind.CartLinked).GroupBy(e => e.MemberId)
            .Select(g => g.Count()).ToListAsync();
        Assert.Equal(n, events.Count);
        Assert.All(events, n => Assert.Equal(1, n));
    }
}
