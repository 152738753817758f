using Ecai.Domain.Carts;
using Ecai.Domain.Members;
using Ecai.Domain.Tags;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Ecai.Tests.Support.CartRecords;

namespace Ecai.Tests.Domain.Tags;

/// <summary>タグの自動設定: rules fire on the events that change them, remove as well as add, and never tag twice.</summary>
public sealed class TagRuleEngineTests : IAsyncLifetime
{
    private DomainFixture _f = null!;
    private TagRules _rules = null!;
    private int _bot;
    private readonly Dictionary<string, int> _tags = [];

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _rules = new TagRules(_f.Db, _f.Rules, _f.Clock);
        _bot = await _f.AddBotAsync();
        await _f.ConnectAsync(_bot);
        _f.Carts.Customers.AddRange([Customer("A", "090-1111-2222"), Customer("B", "080-3333-4444")]);
        _f.Carts.Orders.Add(Order("1", "A", product: "P-1"));
        await _f.Members.AddAsync(_bot, [
            new NewMember("U1", "一郎", T0, "09011112222", Birthday: new DateOnly(1990, 12, 25)),
            new NewMember("U2", "二郎", T0, "08033334444", Birthday: new DateOnly(1985, 1, 5)),
            new NewMember("U3", "三郎", T0, Birthday: new DateOnly(1992, 11, 15)),
        ], CancellationToken.None);
        await using var db = _f.Db.CreateDbContext();
        foreach (var name in new[] { "購入者", "P-1購入", "連携済", "定期", "冬生まれ", "誕生月" })
        {
            var tag = new Tag { BotId = _bot, Name = name, CreatedAt = T0 };
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            _tags[name] = tag.Id;
        }
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private async Task<string[]> TaggedAsync(string tag)
    {
        await using var db = _f.Db.CreateDbContext();
        return await (from mt in db.MemberTags join m in db.Members on mt.MemberId equals m.Id
                      where mt.TagId == _tags[tag] orderby m.LineUserId select m.LineUserId).ToArrayAsync();
    }

    private async Task<int> EventsAsync(string tag, MemberEventKind kind)
    {
        await using var db = _f.Db.CreateDbContext();
        return await db.MemberEvents.CountAsync(e => e.TagId == _tags[tag] && e.Kind == kind && e.Cause == TagCause.Rule);
    }

    private async Task AddRuleAsync(TagRule rule)
    {
        rule.BotId = _bot;
        Assert.Empty(await _rules.AddAsync(rule, CancellationToken.None));
    }

    [Fact]
    public async Task A_purchase_count_rule_fires_on_the_import_that_brings_the_order_without_waiting_for_the_sweep()
    {
        await AddRuleAsync(new TagRule { TagId = _tags["購入者"], Kind = TagRuleKind.PurchaseCount, Comparison = Comparison.GreaterThan, Number = 0 });
        await _f.PullAsync(_bot);
        Assert.Equal(["U1"], await TaggedAsync("購入者"));

        _f.Carts.Orders.Add(Order("2", "B", minute: 5));
        await _f.PullAsync(_bot);

        Assert.Equal(["U1", "U2"], await TaggedAsync("購入者"));
        Assert.Equal(2, await EventsAsync("購入者", MemberEventKind.TagAdded));
        Assert.Equal(0, await _f.Rules.RunBotAsync(_bot, CancellationToken.None)); // the sweep finds nothing left to do
        Assert.Equal(2, await EventsAsync("購入者", MemberEventKind.TagAdded));
    }

    [Fact]
    public async Task An_order_cancelled_in_the_cart_after_import_stops_counting_for_the_purchase_summary_the_filter_and_rules()
    {
        _f.Carts.Orders.Add(Order("2", "A", minute: 1, amount: 5000));
        await _f.PullAsync(_bot); // U1 ← A: two purchases, 8,980 yen
        var u1 = await MemberIdAsync("U1");
        var purchases = new MemberPurchases(_f.Db, _f.Clock);
        var before = await purchases.GetAsync(u1, CancellationToken.None);
        Assert.Equal((2, 8980L), (before.OrderCount, before.OrderTotal));

        // The next incremental pull brings order 2 again, now cancelled (a later updated_at).
        _f.Carts.Orders.Add(Order("2", "A", minute: 30, amount: 5000) with { Cancelled = true });
        await _f.PullAsync(_bot);

        var history = await purchases.GetAsync(u1, CancellationToken.None);
        Assert.Equal((1, 3980L), (history.OrderCount, history.OrderTotal));
        Assert.True(history.Recent.Single(o => o.OrderExternalId == "2").Cancelled); // still listed, marked cancelled
        var search = new MemberSearch(_f.Db);
        Assert.Equal(0, await search.CountAsync(_bot, new MemberFilter { PurchaseCountMin = 2 }, CancellationToken.None));
        Assert.Equal(0, await search.CountAsync(_bot, new MemberFilter { AmountMin = 5000 }, CancellationToken.None));
        await AddRuleAsync(new TagRule { TagId = _tags["購入者"], Kind = TagRuleKind.PurchaseCount, Comparison = Comparison.AtLeast, Number = 2 });
        Assert.Empty(await TaggedAsync("購入者"));
    }

    private async Task<long> MemberIdAsync(string lineUserId)
    {
        await using var db = _f.Db.CreateDbContext();
        return await db.Members.Where(m => m.LineUserId == lineUserId).Select(m => m.Id).SingleAsync();
    }

    [Fact]
    public async Task The_sweep_counts_each_members_orders_once_for_all_purchase_count_rules_without_cancelled_orders()
    {
        _f.Carts.Orders.AddRange([Order("2", "A", minute: 1) with { Cancelled = true }, Order("3", "B", minute: 2), Order("4", "B", minute: 3)]);
        await _f.PullAsync(_bot); // U1 ← A (1 order + 1 cancelled), U2 ← B (2 orders), U3 unlinked (none)
        await using (var db = _f.Db.CreateDbContext())
        {
            // Saved straight into the table so that only the sweep applies them.
            db.TagRules.AddRange(
                new TagRule { BotId = _bot, TagId = _tags["購入者"], Kind = TagRuleKind.PurchaseCount, Comparison = Comparison.AtLeast, Number = 2, CreatedAt = T0 },
                new TagRule { BotId = _bot, TagId = _tags["定期"], Kind = TagRuleKind.PurchaseCount, Comparison = Comparison.AtMost, Number = 1, CreatedAt = T0 },
                new TagRule { BotId = _bot, TagId = _tags["P-1購入"], Kind = TagRuleKind.PurchaseCount, Comparison = Comparison.Equal, Number = 1, CreatedAt = T0 });
            await db.SaveChangesAsync();
        }

        Assert.Equal(4, await _f.Rules.RunBotAsync(_bot, CancellationToken.None));

        Assert.Equal(["U2"], await TaggedAsync("購入者"));
        Assert.Equal(["U1", "U3"], await TaggedAsync("定期"));
        Assert.Equal(["U1"], await TaggedAsync("P-1購入"));
        Assert.Equal(0, await _f.Rules.RunBotAsync(_bot, CancellationToken.None)); // a second sweep (its own totals table again) changes nothing
    }

    [Fact]
    public async Task The_sweep_adds_a_tag_only_to_members_missing_it_and_leaves_its_other_holders_alone()
    {
        _f.Carts.Orders.Add(Order("2", "B", minute: 2));
        await _f.PullAsync(_bot); // U1 ← A, U2 ← B; U3 unlinked
        await using (var db = _f.Db.CreateDbContext())
        {
            var ids = await db.Members.ToDictionaryAsync(m => m.LineUserId, m => m.Id);
            // U1 already holds the tag; so does U3, whom the rule does not select (an add rule never takes a tag off).
            db.MemberTags.AddRange(new MemberTag { MemberId = ids["U1"], TagId = _tags["連携済"], AddedAt = T0 },
                new MemberTag { MemberId = ids["U3"], TagId = _tags["連携済"], AddedAt = T0 });
            db.TagRules.Add(new TagRule { BotId = _bot, TagId = _tags["連携済"], Kind = TagRuleKind.CartLinked, CreatedAt = T0 });
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await _f.Rules.RunBotAsync(_bot, CancellationToken.None));

        Assert.Equal(["U1", "U2", "U3"], await TaggedAsync("連携済"));
        await using (var db = _f.Db.CreateDbContext())
            Assert.Equal(["U2"], await (from e in db.MemberEvents join m in db.Members on e.MemberId equals m.Id
                                        where e.TagId == _tags["連携済"] && e.Kind == MemberEventKind.TagAdded
                                        select m.LineUserId).ToArrayAsync());
    }

    [Fact]
    public async Task Product_and_cart_link_rules_apply_at_once_when_they_are_saved_and_when_a_phone_is_entered()
    {
        await _f.PullAsync(_bot);
        await AddRuleAsync(new TagRule { TagId = _tags["P-1購入"], Kind = TagRuleKind.Product, Text = "P-1" });
        await AddRuleAsync(new TagRule { TagId = _tags["連携済"], Kind = TagRuleKind.CartLinked });
        Assert.Equal(["U1"], await TaggedAsync("P-1購入"));
        Assert.Equal(["U1"], await TaggedAsync("連携済")); // B has no order yet: U2 is not linked

        await using (var db = _f.Db.CreateDbContext())
        {
            var u3 = await db.Members.Where(m => m.LineUserId == "U3").Select(m => new { m.Id, m.Version }).SingleAsync();
            var contacts = new MemberContacts(_f.Db, _f.Linker, _f.Rules, _f.Live, _f.Clock);
            await contacts.SetAsync(_bot, u3.Id, new ProfileInput(null, "090-1111-2222", null, null), u3.Version, removePhone: false, CancellationToken.None);
        }

        Assert.Equal(["U1", "U3"], await TaggedAsync("連携済"));
        Assert.Equal(["U1", "U3"], await TaggedAsync("P-1購入"));
    }

    [Fact]
    public async Task A_remove_rule_takes_the_tag_off_when_the_subscription_is_cancelled()
    {
        await _f.PullAsync(_bot);
        await using (var db = _f.Db.CreateDbContext())
        {
            db.MemberTags.AddRange(await db.Members.Select(m => new MemberTag { MemberId = m.Id, TagId = _tags["定期"], AddedAt = T0 }).ToListAsync());
            await db.SaveChangesAsync();
        }
        await AddRuleAsync(new TagRule { TagId = _tags["定期"], Kind = TagRuleKind.ContinuationStatus, Status = ContinuationStatus.Cancelled, Action = TagRuleAction.Remove });
        Assert.Equal(["U1", "U2", "U3"], await TaggedAsync("定期"));

        _f.Carts.Subscriptions.Add(new CartSubscriptionRecord("S1", "A", ContinuationStatus.Cancelled, "キャンセル", "P-1", "定期便", null, T0.AddMinutes(9)));
        await _f.PullAsync(_bot);

        Assert.Equal(["U2", "U3"], await TaggedAsync("定期"));
        Assert.Equal(1, await EventsAsync("定期", MemberEventKind.TagRemoved));
    }

    [Fact]
    public async Task A_birthday_range_may_wrap_the_year_end()
    {
        await AddRuleAsync(new TagRule { TagId = _tags["冬生まれ"], Kind = TagRuleKind.BirthdayRange, FromMonthDay = 1220, ToMonthDay = 110 });

        Assert.Equal(["U1", "U2"], await TaggedAsync("冬生まれ"));
    }

    [Fact]
    public async Task The_birth_month_tag_switches_on_the_first_at_midnight_japan_time()
    {
        _f.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 14, 59, 0, TimeSpan.Zero)); // 11/30 23:59 JST
        await AddRuleAsync(new TagRule { TagId = _tags["誕生月"], Kind = TagRuleKind.BirthMonth });
        Assert.Equal(["U3"], await TaggedAsync("誕生月"));

        _f.Clock.Advance(TimeSpan.FromMinutes(1)); // 12/01 00:00 JST (still 11/30 in UTC)
        await _f.Rules.RunBotAsync(_bot, CancellationToken.None);

        Assert.Equal(["U1"], await TaggedAsync("誕生月"));
        Assert.Equal((2, 1), (await EventsAsync("誕生月", MemberEventKind.TagAdded), await EventsAsync("誕生月", MemberEventKind.TagRemoved)));
    }

    [Fact]
    public async Task A_switched_off_rule_does_nothing_and_a_bad_rule_is_refused_in_japanese()
    {
        await _f.PullAsync(_bot);
        await AddRuleAsync(new TagRule { TagId = _tags["連携済"], Kind = TagRuleKind.CartLinked });
        var rule = (await _rules.ListAsync(_bot, CancellationToken.None)).Single();
        Assert.Equal("カート連携時 → タグを付ける", rule.Description);
        await _rules.SetEnabledAsync(_bot, rule.Rule.Id, false, CancellationToken.None);
        await using (var db = _f.Db.CreateDbContext()) await db.MemberTags.ExecuteDeleteAsync();

        await _f.Rules.RunBotAsync(_bot, CancellationToken.None);
        Assert.Empty(await TaggedAsync("連携済"));

        Assert.Equal(["購入回数の条件(比較と0以上の回数)を指定してください。"],
            await _rules.AddAsync(new TagRule { BotId = _bot, TagId = _tags["購入者"], Kind = TagRuleKind.PurchaseCount, Number = -1 }, CancellationToken.None));
        Assert.Equal(["タグを選んでください。"],
            await _rules.AddAsync(new TagRule { BotId = _bot, TagId = 9999, Kind = TagRuleKind.CartLinked }, CancellationToken.None));
        Assert.Single(await _rules.ListAsync(_bot, CancellationToken.None));
    }

    [Fact]
    public async Task Editing_a_rule_reapplies_it_at_once_and_says_how_many_members_it_tagged()
    {
        await _f.PullAsync(_bot);
        var created = await _rules.SaveAsync(new TagRule
        {
            BotId = _bot, TagId = _tags["購入者"], Kind = TagRuleKind.PurchaseCount, Comparison = Comparison.GreaterThan, Number = 5,
        }, CancellationToken.None);
        Assert.True(created.Saved);
        Assert.Equal(0, created.Changed);
        var id = (await _rules.ListAsync(_bot, CancellationToken.None)).Single().Rule.Id;

        var edited = await _rules.SaveAsync(new TagRule
        {
            Id = id, BotId = _bot, TagId = _tags["購入者"], Kind = TagRuleKind.PurchaseCount, Comparison = Comparison.GreaterThan, Number = 0,
        }, CancellationToken.None);

        Assert.Equal((true, 1L), (edited.Saved, edited.Changed));
        Assert.Equal(["U1"], await TaggedAsync("購入者"));
        var view = (await _rules.ListAsync(_bot, CancellationToken.None)).Single();
        Assert.Equal((id, "購入回数が0回より多い → タグを付ける", true), (view.Rule.Id, view.Description, view.Rule.Enabled));

        // The same rule saved again (from the version the list shows now) finds nothing left to tag.
        var again = await _rules.SaveAsync(new TagRule
        {
            Id = id, Version = view.Rule.Version, BotId = _bot, TagId = _tags["購入者"], Kind = TagRuleKind.PurchaseCount,
            Comparison = Comparison.GreaterThan, Number = 0,
        }, CancellationToken.None);
        Assert.Equal((true, 0L), (again.Saved, again.Changed));
    }

    [Fact]
    public async Task A_bad_edit_is_refused_in_japanese_and_changes_nothing()
    {
        await _f.PullAsync(_bot);
        await AddRuleAsync(new TagRule { TagId = _tags["連携済"], Kind = TagRuleKind.CartLinked });
        var id = (await _rules.ListAsync(_bot, CancellationToken.None)).Single().Rule.Id;

        var bad = await _rules.SaveAsync(new TagRule { Id = id, BotId = _bot, TagId = _tags["購入者"], Kind = TagRuleKind.PurchaseCount, Number = null },
            CancellationToken.None);
        var gone = await _rules.SaveAsync(new TagRule { Id = 9999, BotId = _bot, TagId = _tags["購入者"], Kind = TagRuleKind.CartLinked },
            CancellationToken.None);

        Assert.Equal(["購入回数の条件(比較と0以上の回数)を指定してください。"], bad.Errors);
        Assert.Equal(["このルールは削除されています。一覧を読み込み直してください。"], gone.Errors);
        var view = (await _rules.ListAsync(_bot, CancellationToken.None)).Single();
        Assert.Equal(("連携済", "カート連携時 → タグを付ける"), (view.TagName, view.Description));
        Assert.Empty(await TaggedAsync("購入者"));
    }

    [Fact]
    public async Task Saving_a_rule_opened_before_another_operator_saved_it_is_refused_with_the_fresh_rule_and_changes_nothing()
    {
        await _f.PullAsync(_bot);
        await AddRuleAsync(new TagRule { TagId = _tags["連携済"], Kind = TagRuleKind.CartLinked });
        var first = (await _rules.ListAsync(_bot, CancellationToken.None)).Single().Rule; // operator A opens the rule
        var second = (await _rules.ListAsync(_bot, CancellationToken.None)).Single().Rule; // operator B opens it too

        var saved = await _rules.SaveAsync(new TagRule
        {
            Id = first.Id, Version = first.Version, BotId = _bot, TagId = _tags["購入者"], Kind = TagRuleKind.PurchaseCount,
            Comparison = Comparison.GreaterThan, Number = 0,
        }, CancellationToken.None);
        var stale = await _rules.SaveAsync(new TagRule
        {
            Id = second.Id, Version = second.Version, BotId = _bot, TagId = _tags["P-1購入"], Kind = TagRuleKind.Product, Text = "P-1",
        }, CancellationToken.None);

        Assert.True(saved.Saved);
        Assert.Equal((false, true, 0L), (stale.Saved, stale.IsStale, stale.Changed));
        Assert.Empty(stale.Errors);
        Assert.Equal((_tags["購入者"], TagRuleKind.PurchaseCount, 0L, first.Version + 1),
            (stale.Fresh!.TagId, stale.Fresh.Kind, stale.Fresh.Number, stale.Fresh.Version));
        var view = (await _rules.ListAsync(_bot, CancellationToken.None)).Single();
        Assert.Equal(("購入者", "購入回数が0回より多い → タグを付ける"), (view.TagName, view.Description));
        Assert.Empty(await TaggedAsync("P-1購入")); // the refused rule never ran

        var again = await _rules.SaveAsync(new TagRule // B edits the fresh rule: saved
        {
            Id = second.Id, Version = stale.Fresh.Version, BotId = _bot, TagId = _tags["P-1購入"], Kind = TagRuleKind.Product, Text = "P-1",
        }, CancellationToken.None);
        Assert.Equal((true, 1L), (again.Saved, again.Changed));
        Assert.Equal(["U1"], await TaggedAsync("P-1購入"));
    }

    [Fact]
    public async Task Switching_a_rule_on_the_list_does_not_make_its_open_editor_stale()
    {
        await AddRuleAsync(new TagRule { TagId = _tags["連携済"], Kind = TagRuleKind.CartLinked });
        var opened = (await _rules.ListAsync(_bot, CancellationToken.None)).Single().Rule;

        await _rules.SetEnabledAsync(_bot, opened.Id, false, CancellationToken.None); // the editor never writes the switch

        var saved = await _rules.SaveAsync(new TagRule
        {
            Id = opened.Id, Version = opened.Version, BotId = _bot, TagId = _tags["購入者"], Kind = TagRuleKind.CartLinked,
        }, CancellationToken.None);
        Assert.True(saved.Saved);
        var view = (await _rules.ListAsync(_bot, CancellationToken.None)).Single();
        Assert.Equal(("購入者", false), (view.TagName, view.Rule.Enabled));
    }
}
