using Ecai.Domain.Carts;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Ecai.Tests.Support.CartRecords;

namespace Ecai.Tests.Domain.Carts;

public sealed class CartSyncTests : IAsyncLifetime
{
    private DomainFixture _f = null!;
    private int _bot;
    private int _connection;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _bot = await _f.AddBotAsync();
        _connection = await _f.ConnectAsync(_bot);
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private void SeedCart(int orders)
    {
        for (var i = 1; i <= 5; i++) _f.Carts.Customers.Add(Customer($"{i}", $"090-1234-567{i}", minute: i));
        for (var i = 1; i <= orders; i++) _f.Carts.Orders.Add(Order($"{i}", $"{(i % 5) + 1}", minute: i, product: $"P-{i % 3}"));
    }

    [Fact]
    public async Task Pull_writes_customers_orders_items_products_and_the_cursors()
    {
        SeedCart(orders: 10);
        var result = await _f.PullAsync(_bot);

        Assert.Equal((5, 10, 0), (result.Customers, result.Orders, result.Errors.Count));
        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(10, await db.CartOrderItems.CountAsync());
        Assert.Equal(["P-0", "P-1", "P-2"], await db.CartProducts.OrderBy(p => p.Code).Select(p => p.Code).ToListAsync());
        var c = await db.CartConnections.SingleAsync();
        Assert.Equal(ConnectionState.Connected, c.State);
        Assert.Equal(T0.AddMinutes(10).ToString("O"), c.OrderCursor);
        Assert.Equal("+819012345671", await db.CartCustomers.Where(x => x.ExternalId == "1").Select(x => x.PhoneNormalized).SingleAsync());
    }

    [Fact]
    public async Task A_second_pull_resumes_from_the_cursor_and_duplicates_nothing()
    {
        SeedCart(orders: 10);
        await _f.PullAsync(_bot);
        _f.Carts.Orders.Add(Order("11", "1", minute: 20));

        var second = await _f.PullAsync(_bot);

        Assert.Equal(T0.AddMinutes(10).ToString("O"), _f.Carts.OrderCursorsSeen[^1]);
        Assert.Equal(2, second.Orders); // the boundary order again (harmless) and the new one
        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(11, await db.CartOrders.CountAsync());
        Assert.Equal(11, await db.CartOrderItems.CountAsync());
    }

    [Fact]
    public async Task A_pull_killed_midway_then_rerun_loses_and_duplicates_nothing()
    {
        SeedCart(orders: 10); // pages of 3: 3, 3, 3, 1
        _f.Carts.FailAfterOrderPages = 2;

        await Assert.ThrowsAsync<IOException>(() => _f.PullAsync(_bot));
        await using (var db = _f.Db.CreateDbContext())
        {
            Assert.Equal(6, await db.CartOrders.CountAsync()); // two committed pages
            Assert.Equal(T0.AddMinutes(6).ToString("O"), (await db.CartConnections.SingleAsync()).OrderCursor);
        }

        await _f.PullAsync(_bot);

        await using var after = _f.Db.CreateDbContext();
        Assert.Equal(10, await after.CartOrders.CountAsync());
        Assert.Equal(10, await after.CartOrderItems.CountAsync());
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i.ToString()).Order(),
            (await after.CartOrders.Select(o => o.ExternalId).ToListAsync()).Order());
    }

    [Fact]
    public async Task An_updated_order_replaces_its_lines()
    {
        SeedCart(orders: 1);
        await _f.PullAsync(_bot);
        _f.Carts.Orders[0] = Order("1", "2", minute: 30, amount: 9800, product: "P-NEW");

        await _f.PullAsync(_bot);

        await using var db = _f.Db.CreateDbContext();
        var order = await db.CartOrders.Include(o => o.Items).SingleAsync();
        Assert.Equal(9800, order.Amount);
        Assert.Equal("P-NEW", Assert.Single(order.Items).ProductCode);
    }

    [Fact]
    public async Task Skipped_records_are_counted_and_shown_on_the_connection()
    {
        SeedCart(orders: 4);
        _f.Carts.SkipOnFirstOrderPage.Add(new SkippedRecord("X9", "発送日の形式が不正です"));

        var result = await _f.PullAsync(_bot);

        Assert.Equal(1, result.Skipped);
        await using var db = _f.Db.CreateDbContext();
        var c = await db.CartConnections.SingleAsync();
        Assert.Equal(1, c.LastPullSkipped);
        Assert.Contains("X9: 発送日の形式が不正です", c.LastSkippedSample);
        Assert.Equal(ConnectionState.Connected, c.State);
    }

    [Fact]
    public async Task A_refused_login_puts_the_connection_in_error_with_the_carts_message()
    {
        SeedCart(orders: 2);
        _f.Carts.FailWith = new CartConnectionException("ecforceにログインできませんでした。");

        var result = await _f.PullAsync(_bot);

        Assert.Single(result.Errors);
        var view = Assert.Single(await _f.Connections.ListAsync(_bot, CancellationToken.None));
        Assert.Equal(ConnectionState.Error, view.State);
        Assert.Equal("ecforceにログインできませんでした。", view.LastError);
        Assert.Equal(CartConnections.ErrorHint, view.Hint);
        Assert.Contains(_f.Live.Events, e => e is Ecai.Domain.Realtime.ConnectionChanged cc && cc.ConnectionId == _connection);
    }

    [Fact]
    public async Task A_failed_pull_keeps_the_last_successful_pull_time_and_figures()
    {
        SeedCart(orders: 4);
        await _f.PullAsync(_bot);
        DateTimeOffset? before;
        await using (var db = _f.Db.CreateDbContext()) before = (await db.CartConnections.SingleAsync()).LastPulledAt;
        _f.Clock.Advance(TimeSpan.FromHours(1));
        _f.Carts.FailWith = new CartConnectionException("ecforceにログインできませんでした。");

        await _f.PullAsync(_bot);

        var view = Assert.Single(await _f.Connections.ListAsync(_bot, CancellationToken.None));
        Assert.Equal(ConnectionState.Error, view.State);
        Assert.Equal(before, view.LastPulledAt);
        Assert.Equal(4, view.LastPullOrders);
        Assert.Equal(_f.Clock.GetUtcNow().AddMinutes(view.PullIntervalMinutes), view.NextPullAt); // retried at the next interval
    }

    [Fact]
    public async Task Pulling_one_connection_leaves_the_bots_other_carts_alone()
    {
        SeedCart(orders: 3);
        var shopify = await _f.ConnectAsync(_bot, CartKind.Shopify);

        var result = await _f.PullAsync(_bot, shopify);

        Assert.Equal(3, result.Orders);
        await using var db = _f.Db.CreateDbContext();
        Assert.Equal([shopify], await db.CartOrders.Select(o => o.ConnectionId).Distinct().ToListAsync());
        var ecforce = await db.CartConnections.SingleAsync(c => c.Id == _connection);
        Assert.Equal((ConnectionState.NeverPulled, (DateTimeOffset?)null), (ecforce.State, ecforce.LastPulledAt));
    }

    [Fact]
    public async Task A_pull_that_finds_nothing_new_says_so()
    {
        SeedCart(orders: 2);
        await _f.PullAsync(_bot);
        _f.Carts.Customers.Clear();
        _f.Carts.Orders.Clear();

        var result = await _f.PullAsync(_bot);

        Assert.True(result.NothingNew);
        var view = Assert.Single(await _f.Connections.ListAsync(_bot, CancellationToken.None));
        Assert.True(view.NothingNew);
    }
}
