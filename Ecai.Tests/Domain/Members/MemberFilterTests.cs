using System.Data.Common;
using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Ecai.Domain.Members;
using Ecai.Domain.Tags;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static Ecai.Tests.Support.CartRecords;

namespace Ecai.Tests.Domain.Members;

/// <summary>
/// Each MemberFilter condition against one small shop: U1 and U2 are linked (U2's P-2 order was cancelled), U3 has no
/// phone, U4 is blocked. Birthdays 12/25, 01/05, 06/15; tags: 定期 on U1+U2, VIP on U2, 休眠 on U3.
/// </summary>
public sealed class MemberFilterTests : IAsyncLifetime
{
    private DomainFixture _f = null!;
    private MemberSearch _search = null!;
    private int _bot, _connection;
    private readonly Dictionary<string, int> _tags = [];

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _search = new MemberSearch(_f.Db);
        _bot = await _f.AddBotAsync();
        _connection = await _f.ConnectAsync(_bot);
        _f.Carts.Customers.AddRange([Customer("A", "090-1111-2222"), Customer("B", "080-3333-4444")]);
        _f.Carts.Orders.AddRange([
            Order("1", "A", minute: 1, amount: 3980, product: "P-1"),
            Order("2", "A", minute: 2, amount: 5980, product: "P-2") with { OrderedAt = new DateTimeOffset(2026, 11, 20, 15, 30, 0, TimeSpan.Zero) }, // 11/21 JST
            Order("3", "B", minute: 3, amount: 1000, product: "P-2") with { Cancelled = true },
            Order("4", "B", minute: 4, amount: 2000, product: "P-3"),
        ]);
        _f.Carts.Subscriptions.Add(new CartSubscriptionRecord("S1", "A", ContinuationStatus.Active, "有効", "P-1", "定期便", null, T0));
        await _f.Members.AddAsync(_bot, [
            new NewMember("U1", "一郎", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), "09011112222", Birthday: new DateOnly(1990, 12, 25)),
            new NewMember("U2", "二郎", new DateTimeOffset(2026, 10, 15, 0, 0, 0, TimeSpan.Zero), "08033334444", Birthday: new DateOnly(1985, 1, 5)),
            new NewMember("U3", "三郎", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), Birthday: new DateOnly(1992, 6, 15)),
            new NewMember("U4", "四郎", new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero)),
        ], CancellationToken.None);
        await _f.PullAsync(_bot);
        await using var db = _f.Db.CreateDbContext();
        await db.Members.Where(m => m.LineUserId == "U4").ExecuteUpdateAsync(s => s.SetProperty(m => m.IsBlocked, true));
        foreach (var name in new[] { "定期", "VIP", "休眠" })
        {
            var tag = new Tag { BotId = _bot, Name = name, CreatedAt = T0 };
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            _tags[name] = tag.Id;
        }
        var ids = await db.Members.ToDictionaryAsync(m => m.LineUserId, m => m.Id);
        db.MemberTags.AddRange(
            new MemberTag { MemberId = ids["U1"], TagId = _tags["定期"] }, new MemberTag { MemberId = ids["U2"], TagId = _tags["定期"] },
            new MemberTag { MemberId = ids["U2"], TagId = _tags["VIP"] }, new MemberTag { MemberId = ids["U3"], TagId = _tags["休眠"] });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private async Task<string[]> SelectedAsync(MemberFilter filter)
    {
        var rows = await _search.PageAsync(_bot, filter, MemberSort.Id, false, 0, 100, CancellationToken.None);
        await using var db = _f.Db.CreateDbContext();
        var names = await db.Members.ToDictionaryAsync(m => m.Id, m => m.LineUserId);
        Assert.Equal(rows.Count, await _search.CountAsync(_bot, filter, CancellationToken.None));
        return rows.Select(r => names[r.Id]).Order().ToArray();
    }

    [Fact]
    public async Task A_stored_filter_selects_the_same_members_after_a_round_trip_through_json()
    {
        var filter = new MemberFilter
        {
            TagsAll = [_tags["定期"]], TagsNone = [_tags["VIP"]], Link = LinkState.Linked, Status = ContinuationStatus.Active,
            BirthdayFrom = 1220, BirthdayTo = 110, Blocked = false,
        };
        var json = filter.ToJson();
        Assert.Contains("\"Active\"", json);
        Assert.Equal(await SelectedAsync(filter), await SelectedAsync(MemberFilter.Parse(json)));
        Assert.Equal(await SelectedAsync(MemberFilter.All), await SelectedAsync(MemberFilter.Parse(MemberFilter.All.ToJson())));
        Assert.NotEqual(await SelectedAsync(MemberFilter.All), await SelectedAsync(MemberFilter.Parse(json)));
    }

    private async Task<string[]> SortedAsync(MemberSort sort, bool descending, MemberFilter? filter = null, int skip = 0, int take = 100)
    {
        var rows = await _search.PageAsync(_bot, filter ?? MemberFilter.All, sort, descending, skip, take, CancellationToken.None);
        await using var db = _f.Db.CreateDbContext();
        var names = await db.Members.ToDictionaryAsync(m => m.Id, m => m.LineUserId);
        return rows.Select(r => names[r.Id]).ToArray();
    }

    [Fact]
    public async Task The_page_sorts_by_purchase_count_amount_and_last_purchase_members_without_purchases_as_none()
    {
        // U1: 2 orders, ¥9,960, last 11/20; U2: 1 order (its other was cancelled), ¥2,000, last 11/01; U3, U4: none.
        Assert.Equal(["U1", "U2", "U4", "U3"], await SortedAsync(MemberSort.Orders, descending: true));
        Assert.Equal(["U3", "U4", "U2", "U1"], await SortedAsync(MemberSort.Amount, descending: false));
        Assert.Equal(["U1", "U2", "U4", "U3"], await SortedAsync(MemberSort.LastPurchase, descending: true));
        Assert.Equal(["U2", "U1"], await SortedAsync(MemberSort.LastPurchase, descending: false, skip: 2));
        Assert.Equal(["U2"], await SortedAsync(MemberSort.Amount, descending: true, new MemberFilter { TagsAll = [_tags["定期"]] }, skip: 1));

        var rows = await _search.PageAsync(_bot, MemberFilter.All, MemberSort.LastPurchase, true, 0, 2, CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 15, 30, 0, TimeSpan.Zero), rows[0].LastPurchaseAt);
        Assert.Equal(T0.AddMinutes(4), rows[1].LastPurchaseAt);
        Assert.Null((await _search.PageAsync(_bot, MemberFilter.All, MemberSort.LastPurchase, false, 0, 1, CancellationToken.None))[0].LastPurchaseAt);
    }

    [Fact]
    public async Task The_product_picker_searches_names_and_codes_in_sql_with_wildcards_taken_literally()
    {
        await using (var db = _f.Db.CreateDbContext())
        {
            db.CartProducts.AddRange(
                new CartProduct { ConnectionId = _connection, Code = "K_1", Name = "コラーゲン 100%" },
                new CartProduct { ConnectionId = _connection, Code = "KX1", Name = "酵素ドリンク 1000" });
            await db.SaveChangesAsync();
        }
        async Task<string[]> Codes(string? text, int? connection = null) =>
            (await _search.SearchProductsAsync(_bot, text, connection, CancellationToken.None)).Select(p => p.Code).ToArray();

        Assert.Equal(["K_1"], await Codes("コラ"));
        Assert.Equal(["K_1"], await Codes("100%"));
        Assert.Equal(["K_1"], await Codes("k_"));
        Assert.Equal(["KX1"], await Codes("ドリンク"));
        Assert.Equal(["P-1", "P-2", "P-3"], (await Codes("p-")).Order().ToArray());
        Assert.Equal(5, (await Codes(" ")).Length);
        Assert.Empty(await Codes("コラ", _connection + 100));
        Assert.Equal("コラーゲン 100%", (await _search.ProductAsync(_bot, "K_1", CancellationToken.None))?.Name);
        Assert.Empty(await _search.SearchProductsAsync(await _f.AddBotAsync(), "コラ", null, CancellationToken.None));
    }

    [Fact]
    public async Task Tags_include_all_include_any_and_exclude()
    {
        Assert.Equal(["U2"], await SelectedAsync(new MemberFilter { TagsAll = [_tags["定期"], _tags["VIP"]] }));
        Assert.Equal(["U2", "U3"], await SelectedAsync(new MemberFilter { TagsAny = [_tags["VIP"], _tags["休眠"]] }));
        Assert.Equal(["U3", "U4"], await SelectedAsync(new MemberFilter { TagsNone = [_tags["定期"]] }));
    }

    [Fact]
    public async Task Linked_and_unlinked_overall_and_per_cart()
    {
        Assert.Equal(["U1", "U2"], await SelectedAsync(new MemberFilter { Link = LinkState.Linked }));
        Assert.Equal(["U3", "U4"], await SelectedAsync(new MemberFilter { Link = LinkState.Unlinked }));
        Assert.Empty(await SelectedAsync(new MemberFilter { Link = LinkState.Linked, LinkConnectionId = _connection + 100 }));
        Assert.Equal(["U1", "U2"], await SelectedAsync(new MemberFilter { Link = LinkState.Linked, LinkConnectionId = _connection }));
    }

    [Fact]
    public async Task Friend_registration_dates_are_japan_days()
    {
        // U3 became a friend on 2026-11-01 09:00 JST; U2 on 10/15 09:00 JST.
        Assert.Equal(["U3", "U4"], await SelectedAsync(new MemberFilter { FriendFrom = new DateOnly(2026, 11, 1) }));
        Assert.Equal(["U1", "U2"], await SelectedAsync(new MemberFilter { FriendTo = new DateOnly(2026, 10, 31) }));
    }

    [Fact]
    public async Task Products_and_courses_count_only_orders_that_were_not_cancelled()
    {
        Assert.Equal(["U1"], await SelectedAsync(new MemberFilter { ProductCode = "P-1" }));
        Assert.Equal(["U1"], await SelectedAsync(new MemberFilter { ProductCode = "P-2" })); // U2's P-2 was cancelled
        Assert.Equal(["U2"], await SelectedAsync(new MemberFilter { ProductCode = "P-3", PurchaseConnectionId = _connection }));
        Assert.Empty(await SelectedAsync(new MemberFilter { ProductCode = "P-3", PurchaseConnectionId = _connection + 100 }));
    }

    [Fact]
    public async Task Purchase_dates_count_and_amount_ranges()
    {
        // Order 2 was placed 2026-11-21 00:30 JST (11/20 in UTC).
        Assert.Equal(["U1"], await SelectedAsync(new MemberFilter { PurchasedFrom = new DateOnly(2026, 11, 21), PurchasedTo = new DateOnly(2026, 11, 21) }));
        Assert.Empty(await SelectedAsync(new MemberFilter { ProductCode = "P-1", PurchasedFrom = new DateOnly(2026, 11, 21) }));
        Assert.Equal(["U1"], await SelectedAsync(new MemberFilter { PurchaseCountMin = 2 }));
        Assert.Equal(["U2", "U3", "U4"], await SelectedAsync(new MemberFilter { PurchaseCountMax = 1 }));
        Assert.Equal(["U2"], await SelectedAsync(new MemberFilter { AmountMin = 1, AmountMax = 2000 }));
        Assert.Equal(["U1"], await SelectedAsync(new MemberFilter { AmountMin = 9960 }));
    }

    [Fact]
    public async Task Tags_and_purchase_conditions_combine()
    {
        // Purchase conditions are asked after the tag probes (one CASE): each still has to hold.
        Assert.Equal(["U1"], await SelectedAsync(new MemberFilter { TagsAll = [_tags["定期"]], PurchaseCountMin = 2 }));
        Assert.Equal(["U2"], await SelectedAsync(new MemberFilter { TagsAll = [_tags["定期"], _tags["VIP"]], PurchaseCountMax = 1 }));
        Assert.Empty(await SelectedAsync(new MemberFilter { TagsAll = [_tags["定期"], _tags["VIP"]], PurchaseCountMin = 2 }));
        Assert.Equal(["U2"], await SelectedAsync(new MemberFilter { TagsAll = [_tags["VIP"], _tags["定期"]], AmountMax = 2000 }));
        Assert.Equal(["U1"], await SelectedAsync(new MemberFilter { TagsAll = [_tags["定期"]], PurchasedFrom = new DateOnly(2026, 11, 21) }));
        Assert.Equal(["U2"], await SelectedAsync(new MemberFilter { ProductCode = "P-3", TagsAll = [_tags["VIP"]], PurchaseCountMin = 1 }));
        Assert.Empty(await SelectedAsync(new MemberFilter { ProductCode = "P-1", TagsAll = [_tags["VIP"]], PurchaseCountMin = 1 }));
    }

    [Fact]
    public async Task Continuation_status_and_blocked()
    {
        Assert.Equal(["U1"], await SelectedAsync(new MemberFilter { Status = ContinuationStatus.Active }));
        Assert.Empty(await SelectedAsync(new MemberFilter { Status = ContinuationStatus.Cancelled }));
        Assert.Equal(["U4"], await SelectedAsync(new MemberFilter { Blocked = true }));
        Assert.Equal(["U1", "U2", "U3"], await SelectedAsync(new MemberFilter { Blocked = false }));
    }

    [Fact]
    public async Task A_birthday_range_may_wrap_the_year_end_and_a_birth_month_matches_any_year()
    {
        Assert.Equal(["U1", "U2"], await SelectedAsync(new MemberFilter { BirthdayFrom = 1220, BirthdayTo = 110 }));
        Assert.Equal(["U3"], await SelectedAsync(new MemberFilter { BirthdayFrom = 601, BirthdayTo = 630 }));
        Assert.Equal(["U3"], await SelectedAsync(new MemberFilter { BirthMonth = 6 }));
    }

    [Fact]
    public async Task Conditions_combine_and_count_in_one_sql_command()
    {
        var filter = new MemberFilter
        {
            TagsAll = [_tags["定期"]], TagsNone = [_tags["休眠"]], TagsAny = [_tags["定期"], _tags["VIP"]], ProductCode = "P-1",
            PurchaseCountMin = 1, Link = LinkState.Linked, Status = ContinuationStatus.Active, Blocked = false,
        };
        var commands = new CommandCounter();
        var counted = new MemberSearch(new CountingFactory(_f.Db, commands));

        Assert.Equal(1, await counted.CountAsync(_bot, filter, CancellationToken.None));
        Assert.Equal(1, commands.Count);

        // Several required tags: one more statement ranks them (the rarest drives), whatever their number.
        commands.Count = 0;
        Assert.Equal(1, await counted.CountAsync(_bot, new MemberFilter { TagsAll = [_tags["定期"], _tags["VIP"]] }, CancellationToken.None));
        Assert.Equal(2, commands.Count);
        commands.Count = 0;
        Assert.Equal(0, await counted.CountAsync(_bot, new MemberFilter { TagsAll = [_tags["定期"], _tags["VIP"], _tags["休眠"]] }, CancellationToken.None));
        Assert.Equal(2, commands.Count);
    }

    [Fact]
    public void Reversed_or_unreadable_ranges_are_explained_in_japanese()
    {
        var problems = new MemberFilter
        {
            FriendFrom = new DateOnly(2026, 11, 2), FriendTo = new DateOnly(2026, 11, 1), PurchaseCountMin = 3, PurchaseCountMax = 1,
            BirthdayFrom = 1332, BirthdayTo = 101, BirthMonth = 13,
        }.Problems();

        Assert.Equal(["友だち追加日の範囲が逆になっています。", "購入回数の範囲が逆になっています。", "誕生日の範囲は月日(例: 12/20)で指定してください。",
            "誕生月は1〜12で指定してください。"], problems);
        Assert.Empty(MemberFilter.All.Problems());
        Assert.True(MemberFilter.IsMonthDay(229));
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Interlocked.Increment(ref Count);
            return ValueTask.FromResult(result);
        }
    }

    private sealed class CountingFactory(TestDb db, CommandCounter counter) : IDbContextFactory<EcaiDb>
    {
        private readonly EcaiDbFactory _factory = new(db.Settings, null, counter);
        public EcaiDb CreateDbContext() => _factory.CreateDbContext();
    }
}
