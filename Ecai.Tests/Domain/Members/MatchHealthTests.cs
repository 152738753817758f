using Ecai.Domain.Carts;
using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Ecai.Tests.Support.CartRecords;

namespace Ecai.Tests.Domain.Members;

/// <summary>連携状況: one reason per unlinked member, by the link rules, the same in the summary, the list and 会員詳細.</summary>
public sealed class MatchHealthTests : IAsyncLifetime
{
    private DomainFixture _f = null!;
    private MatchHealth _health = null!;
    private int _bot;
    private int _next;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _health = new MatchHealth(_f.Db);
        _bot = await _f.AddBotAsync();
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    /// <summary>Connections written straight into the database: "ecforce", "ecforce+lineid", "shopify", "rakuten", comma separated.</summary>
    private async Task<Dictionary<CartKind, int>> CartsAsync(string carts)
    {
        await using var db = _f.Db.CreateDbContext();
        var connections = carts.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(spec => new CartConnection
        {
            BotId = _bot, Kind = spec.StartsWith("shopify") ? CartKind.Shopify : spec.StartsWith("rakuten") ? CartKind.RakutenRms : CartKind.Ecforce,
            LineIdLinking = spec.EndsWith("+lineid"), CartDomain = spec + ".example.jp", ApiBaseUrl = "https://api.example.jp",
            ProtectedSecrets = "x", CreatedAt = T0,
        }).ToList();
        db.CartConnections.AddRange(connections);
        await db.SaveChangesAsync();
        return connections.ToDictionary(c => c.Kind, c => c.Id);
    }

    /// <summary>A cart customer with a phone or an e-mail, with one order or none.</summary>
    private async Task CustomerAsync(int connectionId, string? phone = null, string? email = null, bool withOrder = true)
    {
        await using var db = _f.Db.CreateDbContext();
        var id = $"C{++_next}";
        db.CartCustomers.Add(new CartCustomer
        {
            ConnectionId = connectionId, BotId = _bot, ExternalId = id, PhoneRaw = phone, PhoneNormalized = PhoneNormalizer.Normalize(phone),
            EmailNormalized = EmailNormalizer.Normalize(email), UpdatedAt = T0,
        });
        if (withOrder)
            db.CartOrders.Add(new CartOrder { ConnectionId = connectionId, ExternalId = "O" + id, CustomerExternalId = id, OrderedAt = T0, Amount = 1000, UpdatedAt = T0 });
        await db.SaveChangesAsync();
    }

    private async Task<long> MemberAsync(string? phone, string? email, int daysAgo = 1)
    {
        var lineId = $"U{++_next:D32}";
        await _f.Members.AddAsync(_bot, [new NewMember(lineId, "友だち" + _next, T0.AddDays(-daysAgo), phone, email)], CancellationToken.None);
        await using var db = _f.Db.CreateDbContext();
        return await db.Members.Where(m => m.LineUserId == lineId).Select(m => m.Id).SingleAsync();
    }

    private Task<MatchReason?> ReasonAsync(long member) => _health.ReasonForAsync(_bot, member, CancellationToken.None);

    private Task LinkAsync() => _f.Linker.LinkBotAsync(_bot, CancellationToken.None);

    [Fact]
    public async Task A_bot_without_a_cart_gives_every_member_no_cart_first()
    {
        var withPhone = await MemberAsync("090-1111-2222", null);
        var withNothing = await MemberAsync(null, null);

        Assert.Equal(MatchReason.NoCart, await ReasonAsync(withPhone));
        Assert.Equal(MatchReason.NoCart, await ReasonAsync(withNothing)); // precedes 電話番号・メール未登録

        await CartsAsync("ecforce");
        Assert.Equal(MatchReason.NoCustomer, await ReasonAsync(withPhone));
        Assert.Equal(MatchReason.NoPhoneOrEmail, await ReasonAsync(withNothing));
    }

    [Fact]
    public async Task A_member_without_phone_or_email_is_told_so_even_where_line_id_linking_is_on()
    {
        await CartsAsync("ecforce+lineid");
        var nothing = await MemberAsync(null, null);
        var mailOnly = await MemberAsync(null, "hana@example.jp");

        Assert.Equal(MatchReason.NoPhoneOrEmail, await ReasonAsync(nothing));
        Assert.NotEqual(MatchReason.NoPhoneOrEmail, await ReasonAsync(mailOnly));
    }

    [Fact]
    public async Task An_unreadable_phone_is_the_reason_unless_an_email_can_link_through_shopify()
    {
        var carts = await CartsAsync("ecforce");
        var invalid = await MemberAsync("12345", null);
        var invalidWithMail = await MemberAsync("12345", "hana@example.jp");
        Assert.Equal(MatchReason.InvalidPhone, await ReasonAsync(invalid));
        Assert.Equal(MatchReason.InvalidPhone, await ReasonAsync(invalidWithMail)); // no Shopify: precedes メールのみ

        carts = await CartsAsync("shopify");
        Assert.Equal(MatchReason.NoCustomer, await ReasonAsync(invalidWithMail));
        await CustomerAsync(carts[CartKind.Shopify], email: "Hana@Example.jp", withOrder: false);
        await LinkAsync();
        Assert.Null(await ReasonAsync(invalidWithMail)); // linked by e-mail
        Assert.Equal(MatchReason.InvalidPhone, await ReasonAsync(invalid));
    }

    [Fact]
    public async Task No_customer_with_the_phone_differs_from_a_customer_without_orders_who_links_once_an_order_is_imported()
    {
        var carts = await CartsAsync("rakuten");
        var nobody = await MemberAsync("090-1111-2222", null);
        var waiting = await MemberAsync("080-3333-4444", null);
        await CustomerAsync(carts[CartKind.RakutenRms], phone: "08033334444", withOrder: false);
        await CustomerAsync(carts[CartKind.RakutenRms], phone: "07000000000"); // another customer with an order
        await LinkAsync();

        Assert.Equal(MatchReason.NoCustomer, await ReasonAsync(nobody));
        Assert.Equal(MatchReason.CustomerWithoutOrders, await ReasonAsync(waiting));
    }

    [Fact]
    public async Task A_phone_only_member_of_a_shopify_only_bot_has_no_customer()
    {
        var carts = await CartsAsync("shopify");
        await CustomerAsync(carts[CartKind.Shopify], phone: "090-1111-2222", withOrder: true); // Shopify does not link by phone
        var member = await MemberAsync("090-1111-2222", null);
        await LinkAsync();

        Assert.Equal(MatchReason.NoCustomer, await ReasonAsync(member));
    }

    [Fact]
    public async Task An_email_only_member_waits_for_the_line_id_link_only_where_ecforce_links_by_line_id()
    {
        await CartsAsync("ecforce+lineid");
        var mailOnly = await MemberAsync(null, "hana@example.jp");
        var phoneNobody = await MemberAsync("090-1111-2222", null);

        Assert.Equal(MatchReason.LineIdPending, await ReasonAsync(mailOnly));
        Assert.Equal(MatchReason.NoCustomer, await ReasonAsync(phoneNobody)); // NoCustomer precedes LineIdPending
    }

    [Fact]
    public async Task An_email_only_member_is_told_that_only_shopify_links_by_email()
    {
        await CartsAsync("ecforce");
        var mailOnly = await MemberAsync(null, "hana@example.jp");
        Assert.Equal(MatchReason.EmailOnlyWithoutShopify, await ReasonAsync(mailOnly));

        await CartsAsync("shopify");
        Assert.Equal(MatchReason.NoCustomer, await ReasonAsync(mailOnly)); // now an e-mail can link: nobody has it yet
    }

    [Fact]
    public async Task A_matching_customer_not_yet_linked_is_pending_and_linked_members_have_no_reason()
    {
        var carts = await CartsAsync("ecforce");
        await CustomerAsync(carts[CartKind.Ecforce], phone: "090-1111-2222");
        var member = await MemberAsync("09011112222", null);

        Assert.Equal(MatchReason.LinkPending, await ReasonAsync(member));
        await LinkAsync();
        Assert.Null(await ReasonAsync(member));
        Assert.Empty((await _health.ListAsync(_bot, null, 0, 50, CancellationToken.None)).Items);
        var summary = await _health.SummaryAsync(_bot, CancellationToken.None);
        Assert.Equal((1, 1, 0), (summary.Total, summary.Linked, summary.Unlinked));
    }

    [Fact]
    public async Task Another_bots_member_has_no_reason_here()
    {
        await CartsAsync("ecforce");
        var member = await MemberAsync(null, null);
        var other = await _f.AddBotAsync("別ショップ");

        Assert.Null(await _health.ReasonForAsync(other, member, CancellationToken.None));
        Assert.Equal(0, (await _health.SummaryAsync(other, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task Summary_counts_equal_the_list_and_blocked_members_are_counted_too()
    {
        var carts = await CartsAsync("ecforce");
        await CustomerAsync(carts[CartKind.Ecforce], phone: "090-1234-0001");                    // links
        await CustomerAsync(carts[CartKind.Ecforce], phone: "090-1234-0002", withOrder: false);  // without orders
        var linked = await MemberAsync("090-1234-0001", null, daysAgo: 1);
        List<long> expected =
        [
            await MemberAsync(null, null, daysAgo: 2),
            await MemberAsync(null, null, daysAgo: 3),
            await MemberAsync("123", null, daysAgo: 4),
            await MemberAsync("090-1234-0002", null, daysAgo: 5),
            await MemberAsync("090-9999-9999", null, daysAgo: 6),
            await MemberAsync(null, "a@example.jp", daysAgo: 7),
        ];
        await using (var db = _f.Db.CreateDbContext())
            await db.Members.Where(m => m.Id == expected[0] || m.Id == expected[4]).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsBlocked, true));
        await LinkAsync();

        var summary = await _health.SummaryAsync(_bot, CancellationToken.None);

        Assert.Equal((7, 1, 6, 2), (summary.Total, summary.Linked, summary.Unlinked, summary.BlockedUnlinked));
        Assert.Equal(2, summary.PerReason[MatchReason.NoPhoneOrEmail]);
        Assert.Equal([0, 2, 1, 1, 1, 0, 1, 0], MatchReasons.All.Select(r => summary.PerReason[r]));
        foreach (var reason in MatchReasons.All)
        {
            var page = await _health.ListAsync(_bot, reason, 0, 50, CancellationToken.None);
            Assert.Equal(summary.PerReason[reason], page.TotalCount);
            Assert.Equal(summary.PerReason[reason], page.Items.Count);
            Assert.All(page.Items, m => Assert.Equal(reason, m.Reason));
        }
        var all = await _health.ListAsync(_bot, null, 0, 50, CancellationToken.None);
        Assert.Equal(expected, all.Items.Select(m => m.Id)); // newest friends first, the linked member left out
        Assert.Equal(6, all.TotalCount);
        Assert.DoesNotContain(linked, all.Items.Select(m => m.Id));
        Assert.Equal([true, false, false, false, true, false], all.Items.Select(m => m.IsBlocked));
        Assert.Equal(("123", null), (all.Items[2].PhoneRaw, all.Items[2].EmailRaw));
    }

    [Fact]
    public async Task Pages_are_cut_in_sql_and_keep_the_total()
    {
        await CartsAsync("ecforce");
        var ids = new List<long>();
        for (var i = 0; i < 5; i++) ids.Add(await MemberAsync(null, null, daysAgo: i + 1));

        var second = await _health.ListAsync(_bot, MatchReason.NoPhoneOrEmail, 1, 2, CancellationToken.None);
        var last = await _health.ListAsync(_bot, MatchReason.NoPhoneOrEmail, 2, 2, CancellationToken.None);

        Assert.Equal(5, second.TotalCount);
        Assert.Equal([ids[2], ids[3]], second.Items.Select(m => m.Id));
        Assert.Equal([ids[4]], last.Items.Select(m => m.Id));
    }

    [Fact]
    public async Task A_customer_without_orders_links_when_the_order_arrives_with_the_next_pull()
    {
        await _f.ConnectAsync(_bot);
        _f.Carts.Customers.Add(Customer("A", "090-1111-2222"));
        await _f.PullAsync(_bot);
        var member = await MemberAsync("090-1111-2222", null);
        await LinkAsync();
        Assert.Equal(MatchReason.CustomerWithoutOrders, await ReasonAsync(member));

        _f.Carts.Orders.Add(Order("1", "A", minute: 5));
        await _f.PullAsync(_bot);

        Assert.Null(await ReasonAsync(member));
        var summary = await _health.SummaryAsync(_bot, CancellationToken.None);
        Assert.Equal((1, 0), (summary.Linked, summary.PerReason[MatchReason.CustomerWithoutOrders]));
    }

    [Fact]
    public void Every_reason_has_a_japanese_label_and_explanation()
    {
        Assert.All(MatchReasons.All, r =>
        {
            Assert.NotEqual(r.ToString(), MatchReasons.Label(r));
            Assert.NotEqual(r.ToString(), MatchReasons.Explain(r));
        });
        Assert.Equal(MatchReasons.All.Count, MatchReasons.All.Select(MatchReasons.Label).Distinct().Count());
    }
}
