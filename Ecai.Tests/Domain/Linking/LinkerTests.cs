using Ecai.Domain.Carts;
using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Ecai.Tests.Support.CartRecords;

namespace Ecai.Tests.Domain.Linking;

public sealed class LinkerTests : IAsyncLifetime
{
    private DomainFixture _f = null!;
    private int _bot;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _bot = await _f.AddBotAsync();
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private Task AddMemberAsync(string lineId, string? phone = null, string? email = null) =>
        _f.Members.AddAsync(_bot, [new NewMember(lineId, "友だち" + lineId, T0, phone, email)], CancellationToken.None);

    private async Task<List<(string LineId, string Customer)>> LinkEventsAsync()
    {
        await using var db = _f.Db.CreateDbContext();
        var rows = await db.MemberEvents.Where(e => e.Kind == MemberEventKind.CartLinked)
            .Join(db.Members, e => e.MemberId, m => m.Id, (e, m) => new { e.Id, e.CartCustomerId, m.LineUserId })
            .Join(db.CartCustomers, x => x.CartCustomerId, c => c.Id, (x, c) => new { x.Id, x.LineUserId, c.ExternalId })
            .ToListAsync();
        return rows.OrderBy(r => r.Id).Select(r => (r.LineUserId, r.ExternalId)).ToList();
    }

    private async Task<List<(string LineId, string Customer, LinkKey Key)>> LinksAsync()
    {
        await using var db = _f.Db.CreateDbContext();
        var rows = await db.CartLinks
            .Join(db.Members, l => l.MemberId, m => m.Id, (l, m) => new { l, m.LineUserId })
            .Join(db.CartCustomers, x => x.l.CartCustomerId, c => c.Id, (x, c) => new { x.LineUserId, c.ExternalId, x.l.Key })
            .ToListAsync();
        return rows.Select(r => (r.LineUserId, r.ExternalId, r.Key)).OrderBy(r => r.LineUserId).ThenBy(r => r.ExternalId).ToList();
    }

    [Fact]
    public async Task Phone_links_on_the_normalised_number_but_only_customers_with_an_order()
    {
        await _f.ConnectAsync(_bot);
        await AddMemberAsync("U1", phone: "０９０－１１１１－２２２２");
        await AddMemberAsync("U2", phone: "09033334444");
        _f.Carts.Customers.AddRange([Customer("A", "090-1111-2222"), Customer("B", "+81 90 3333 4444")]);
        _f.Carts.Orders.Add(Order("1", "A"));

        var result = await _f.PullAsync(_bot);

        Assert.Equal(1, result.NewLinks);
        Assert.Equal([("U1", "A", LinkKey.Phone)], await LinksAsync());

        // Seed: a customer without orders links by itself once an order appears.
        _f.Carts.Orders.Add(Order("2", "B", minute: 5));
        Assert.Equal(1, (await _f.PullAsync(_bot)).NewLinks);
        Assert.Equal([("U1", "A", LinkKey.Phone), ("U2", "B", LinkKey.Phone)], await LinksAsync());
    }

    [Fact]
    public async Task A_member_may_hold_several_customers_and_a_rerun_adds_nothing()
    {
        await _f.ConnectAsync(_bot);
        await AddMemberAsync("U1", phone: "090-1111-2222");
        _f.Carts.Customers.AddRange([Customer("A", "09011112222"), Customer("B", "090 1111 2222")]);
        _f.Carts.Orders.AddRange([Order("1", "A"), Order("2", "B")]);

        await _f.PullAsync(_bot);
        Assert.Equal(0, await _f.Linker.LinkBotAsync(_bot, CancellationToken.None));

        Assert.Equal([("U1", "A", LinkKey.Phone), ("U1", "B", LinkKey.Phone)], await LinksAsync());
    }

    [Fact]
    public async Task Shopify_links_by_email_even_without_orders()
    {
        await _f.ConnectAsync(_bot, CartKind.Shopify);
        await AddMemberAsync("U1", email: " Hanako@Example.JP ");
        _f.Carts.Customers.Add(Customer("S1", email: "hanako@example.jp"));

        await _f.PullAsync(_bot);

        Assert.Equal([("U1", "S1", LinkKey.Email)], await LinksAsync());
    }

    [Fact]
    public async Task Line_id_links_only_where_the_ecforce_option_is_on()
    {
        var connection = await _f.ConnectAsync(_bot, lineIdLinking: false);
        await AddMemberAsync("Uabc");
        _f.Carts.Customers.Add(Customer("A", lineId: "Uabc"));
        _f.Carts.Orders.Add(Order("1", "A"));

        await _f.PullAsync(_bot);
        Assert.Empty(await LinksAsync());

        await _f.Connections.UpdateOptionsAsync(_bot, connection, new ConnectionOptions(false, true, 60, null), await _f.ConnectionVersionAsync(connection), CancellationToken.None);
        await _f.Linker.LinkBotAsync(_bot, CancellationToken.None);
        Assert.Equal([("Uabc", "A", LinkKey.LineUserId)], await LinksAsync());

        await _f.Connections.UpdateOptionsAsync(_bot, connection, new ConnectionOptions(false, false, 60, null), await _f.ConnectionVersionAsync(connection), CancellationToken.None);
        await _f.Linker.LinkBotAsync(_bot, CancellationToken.None);
        Assert.Empty(await LinksAsync());
    }

    [Fact]
    public async Task A_changed_phone_removes_the_old_link_and_makes_the_new_one()
    {
        await _f.ConnectAsync(_bot);
        await AddMemberAsync("U1", phone: "090-1111-2222");
        _f.Carts.Customers.AddRange([Customer("A", "090-1111-2222"), Customer("B", "080-5555-6666")]);
        _f.Carts.Orders.AddRange([Order("1", "A"), Order("2", "B")]);
        await _f.PullAsync(_bot);

        await using (var db = _f.Db.CreateDbContext())
            await db.Members.ExecuteUpdateAsync(s => s.SetProperty(m => m.PhoneNormalized, "+818055556666"));
        await _f.Linker.LinkBotAsync(_bot, CancellationToken.None);

        Assert.Equal([("U1", "B", LinkKey.Phone)], await LinksAsync());
        // One CartLinked event per link ever made: A on the pull, then B after the change.
        Assert.Equal([("U1", "A"), ("U1", "B")], await LinkEventsAsync());
    }

    [Fact]
    public async Task Each_new_link_raises_one_cart_linked_event_and_a_rerun_raises_none()
    {
        var connection = await _f.ConnectAsync(_bot);
        await AddMemberAsync("U1", phone: "090-1111-2222");
        await AddMemberAsync("U2", phone: "090-3333-4444");
        _f.Carts.Customers.AddRange([Customer("A", "090-1111-2222"), Customer("B", "090-3333-4444")]);
        _f.Carts.Orders.AddRange([Order("1", "A"), Order("2", "B")]);

        await _f.PullAsync(_bot);
        await _f.Linker.LinkBotAsync(_bot, CancellationToken.None);

        Assert.Equal([("U1", "A"), ("U2", "B")], await LinkEventsAsync());
        await using var db = _f.Db.CreateDbContext();
        var events = await db.MemberEvents.ToListAsync();
        Assert.All(events, e => Assert.Equal((MemberEventKind.CartLinked, connection, _bot, _f.Clock.GetUtcNow()), (e.Kind, e.ConnectionId!.Value, e.BotId, e.OccurredAt)));
    }

    [Fact]
    public async Task Birthday_comes_from_the_first_linked_customer_when_the_option_is_on()
    {
        await _f.ConnectAsync(_bot, birthdaySync: true);
        await AddMemberAsync("U1", phone: "090-1111-2222");
        _f.Carts.Customers.Add(Customer("A", "090-1111-2222", birthday: new DateOnly(1990, 4, 1)));
        _f.Carts.Orders.Add(Order("1", "A"));

        await _f.PullAsync(_bot);

        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(new DateOnly(1990, 4, 1), await db.Members.Select(m => m.Birthday).SingleAsync());
    }

    [Fact]
    public async Task Members_of_another_bot_are_never_linked()
    {
        await _f.ConnectAsync(_bot);
        var other = await _f.AddBotAsync("別ショップ");
        await _f.Members.AddAsync(other, [new NewMember("U9", "他", T0, "090-1111-2222")], CancellationToken.None);
        _f.Carts.Customers.Add(Customer("A", "090-1111-2222"));
        _f.Carts.Orders.Add(Order("1", "A"));

        await _f.PullAsync(_bot);

        Assert.Empty(await LinksAsync());
    }
}
