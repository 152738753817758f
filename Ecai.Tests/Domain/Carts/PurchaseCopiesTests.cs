using Ecai.Domain.Bots;
using Ecai.Domain.Carts;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Ecai.Tests.Support.CartRecords;

namespace Ecai.Tests.Domain.Carts;

/// <summary>
/// The customers' order totals and the order lines' copies of their order, kept by the import, stay equal to a recount
/// through every kind of order change a cart sends.
/// </summary>
public sealed class PurchaseCopiesTests : IAsyncLifetime
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
        await using var context = _db.CreateDbContext();
        await context.Database.OpenConnectionAsync();
        var db = context.Database.GetDbConnection();
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
        async Task<string> Totals() => string.Join(" ", await db.CustomerOrderTotals.AsNoTracking()
            .Where(t => t.Orders != 0 || t.Amount != 0).OrderBy(t => t.CustomerExternalId)
            .Select(t => t.CustomerExternalId + ":" + t.Orders + "/" + t.Amount).ToListAsync());
        async Task<string> Lines() => string.Join(" ", (await db.CartOrderItems.AsNoTracking().ToListAsync())
            .OrderBy(i => i.OrderExternalId).ThenBy(i => i.LineNo)
            .Select(i => $"{i.OrderExternalId}/{i.LineNo}:{i.CustomerExternalId},{i.Cancelled},{i.OrderedAt?.UtcTicks}"));
        var (kept, lines) = (await Totals(), await Lines());
        Assert.DoesNotContain(":,", lines);
        foreach (var sql in PurchaseCopies.Rebuild()) await db.Database.ExecuteSqlRawAsync(sql);
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
        Assert.Equal("a:3/1900", await KeptAndCheckedAsync()); // b has none left
    }

    [Fact]
    public async Task Orders_arriving_before_their_customer_are_counted_for_it()
    {
        await WriteAsync([], [Order("1", "late", amount: 700), Order("2", "late", amount: 300), Order("3", "late", amount: 50) with { Cancelled = true }]);
        Assert.Equal("late:2/1000", await KeptAndCheckedAsync());

        await WriteAsync([Customer("late")], []);
        Assert.Equal("late:2/1000", await KeptAndCheckedAsync());
    }
}
