using Ecai.Domain.Bots;
using Ecai.Domain.Carts;
using Ecai.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static Ecai.Tests.Support.CartRecords;

namespace Ecai.Tests.Domain.Carts;

/// <summary>
/// The customers' order totals and the order lines' copies of their order, kept by triggers, stay equal to a recount
/// through every kind of order change, by the import or by anyone else.
/// </summary>
public sealed class CartPurchaseTriggersTests : IAsyncLifetime
{
    private TestDb _db = default!;
    private int _bot, _connection;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync();
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

    private async Task WriteAsync(IReadOnlyList<CartCustomerRecord> customers, IReadOnlyList<CartOrderRecord> orders)
    {
        await using var db = new SqliteConnection(_db.ConnectionString);
        await db.OpenAsync();
        await CartImportWriter.InTransactionAsync(db, async tx =>
        {
            if (customers.Count > 0) await CartImportWriter.WriteCustomersAsync(db, tx, _connection, _bot, customers, null, CancellationToken.None);
            if (orders.Count > 0) await CartImportWriter.WriteOrdersAsync(db, tx, _connection, _bot, orders, null, CancellationToken.None);
        }, CancellationToken.None);
    }

    /// <summary>
    /// "id:count/amount" per customer as the triggers kept them (and, checked but not returned, each line's copy of its
    /// order); then the same after a full recount, which must match.
    /// </summary>
    private async Task<string> KeptAndCheckedAsync()
    {
        await using var db = _db.CreateDbContext();
        async Task<string> Totals() => string.Join(" ", await db.CartCustomers.AsNoTracking().OrderBy(c => c.ExternalId)
            .Select(c => c.ExternalId + ":" + c.OrderCount + "/" + c.OrderAmount).ToListAsync());
        async Task<string> Lines() => string.Join(" ", (await db.CartOrderItems.AsNoTracking().ToListAsync())
            .OrderBy(i => i.OrderExternalId).ThenBy(i => i.LineNo)
            .Select(i => $"{i.OrderExternalId}/{i.LineNo}:{i.CustomerExternalId},{i.Cancelled},{i.OrderedAt?.UtcTicks}"));
        var (kept, lines) = (await Totals(), await Lines());
        Assert.DoesNotContain(":,", lines);
        foreach (var sql in CartPurchaseTriggers.Rebuild()) await db.Database.ExecuteSqlRawAsync(sql);
        Assert.Equal(await Totals(), kept);
        Assert.Equal(await Lines(), lines);
        return kept;
    }

    [Fact]
    public async Task Totals_follow_new_orders_re_imports_amount_changes_cancellations_and_moves_between_customers()
    {
        await WriteAsync([Customer("a"), Customer("b")], [Order("1", "a", amount: 1000), Order("2", "a", amount: 500), Order("3", "b", amount: 200)]);
        Assert.Equal("a:2/1500 b:1/200", await KeptAndCheckedAsync());

        await WriteAsync([], [Order("1", "a", amount: 1000), Order("2", "a", amount: 500)]); // the same orders again
        Assert.Equal("a:2/1500 b:1/200", await KeptAndCheckedAsync());

        await WriteAsync([], [Order("1", "a", amount: 1200)]);
        Assert.Equal("a:2/1700 b:1/200", await KeptAndCheckedAsync());

        await WriteAsync([], [Order("2", "a", amount: 500) with { Cancelled = true }]);
        Assert.Equal("a:1/1200 b:1/200", await KeptAndCheckedAsync());

        await WriteAsync([], [Order("2", "a", amount: 500)]); // taken back
        Assert.Equal("a:2/1700 b:1/200", await KeptAndCheckedAsync());

        await WriteAsync([], [Order("3", "a", amount: 200)]); // the cart moved the order to another customer
        Assert.Equal("a:3/1900 b:0/0", await KeptAndCheckedAsync());
    }

    [Fact]
    public async Task Lines_written_without_their_orders_copy_get_it_and_follow_a_change_of_the_order_made_outside_the_import()
    {
        await WriteAsync([Customer("a"), Customer("b")], [Order("1", "a", amount: 1000)]);
        await using (var db = _db.CreateDbContext())
        {
            db.CartOrderItems.Add(new CartOrderItem { ConnectionId = _connection, OrderExternalId = "1", LineNo = 2, ProductCode = "P-2" });
            await db.SaveChangesAsync();
            var line = await db.CartOrderItems.AsNoTracking().SingleAsync(i => i.LineNo == 2);
            Assert.Equal(("a", false, T0), (line.CustomerExternalId, line.Cancelled, line.OrderedAt));

            await db.CartOrders.Where(o => o.ExternalId == "1").ExecuteUpdateAsync(u => u
                .SetProperty(o => o.CustomerExternalId, "b").SetProperty(o => o.Cancelled, true).SetProperty(o => o.OrderedAt, T0.AddDays(1)));
            Assert.All(await db.CartOrderItems.AsNoTracking().ToListAsync(),
                i => Assert.Equal(("b", true, T0.AddDays(1)), (i.CustomerExternalId, i.Cancelled, i.OrderedAt)));
        }
        Assert.Equal("a:0/0 b:0/0", await KeptAndCheckedAsync());
    }

    [Fact]
    public async Task A_customer_arriving_after_its_orders_starts_with_them_and_deleted_orders_leave_the_totals()
    {
        await WriteAsync([], [Order("1", "late", amount: 700), Order("2", "late", amount: 300), Order("3", "late", amount: 50) with { Cancelled = true }]);
        await WriteAsync([Customer("late")], []);
        Assert.Equal("late:2/1000", await KeptAndCheckedAsync());

        await using (var db = _db.CreateDbContext())
        {
            await db.CartOrders.Where(o => o.ExternalId == "1").ExecuteDeleteAsync();
            // A customer saved again through EF keeps the totals (EF never writes them).
            var customer = await db.CartCustomers.SingleAsync(c => c.ExternalId == "late");
            customer.Name = "新しい名前";
            await db.SaveChangesAsync();
        }
        Assert.Equal("late:1/300", await KeptAndCheckedAsync());
    }
}
