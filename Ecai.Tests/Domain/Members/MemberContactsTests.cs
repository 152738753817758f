using Ecai.Domain.Members;
using Ecai.Domain.Realtime;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Ecai.Tests.Support.CartRecords;

namespace Ecai.Tests.Domain.Members;

/// <summary>Instant linking: a phone or e-mail entered for a member links at once, in one transaction.</summary>
public sealed class MemberContactsTests : IAsyncLifetime
{
    private DomainFixture _f = null!;
    private MemberContacts _contacts = null!;
    private int _bot;
    private long _member;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _contacts = new MemberContacts(_f.Db, _f.Linker, _f.Rules, _f.Live, _f.Clock);
        _bot = await _f.AddBotAsync();
        await _f.ConnectAsync(_bot);
        _f.Carts.Customers.AddRange([Customer("A", "090-1111-2222"), Customer("B", "080-5555-6666"), Customer("C", "070-9999-0000")]);
        _f.Carts.Orders.AddRange([Order("1", "A"), Order("2", "B")]); // C has no order: never linked by phone
        await _f.PullAsync(_bot);
        await _f.Members.AddAsync(_bot, [new NewMember("U1", "友だち", T0)], CancellationToken.None);
        await using var db = _f.Db.CreateDbContext();
        _member = await db.Members.Select(m => m.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private async Task<List<string>> LinkedCustomersAsync()
    {
        await using var db = _f.Db.CreateDbContext();
        return await db.CartLinks.Where(l => l.MemberId == _member)
            .Join(db.CartCustomers, l => l.CartCustomerId, c => c.Id, (l, c) => c.ExternalId).OrderBy(x => x).ToListAsync();
    }

    private async Task<int> VersionAsync()
    {
        await using var db = _f.Db.CreateDbContext();
        return await db.Members.Where(m => m.Id == _member).Select(m => m.Version).SingleAsync();
    }

    /// <summary>An operator's save from a form loaded just now (the current version).</summary>
    private async Task<ContactResult> SetAsync(ProfileInput input, CancellationToken ct, bool removePhone = false) =>
        await _contacts.SetAsync(_bot, _member, input, await VersionAsync(), removePhone, ct);

    [Fact]
    public async Task A_form_loaded_before_a_liff_submission_is_refused_as_stale_with_the_fresh_member_and_writes_nothing()
    {
        var loaded = await VersionAsync();
        var forms = new Ecai.Domain.Forms.IdentityForms(_f.Db, _contacts, _f.Live, _f.Clock);
        Assert.True((await forms.SubmitAsync(_bot, _member, new ProfileInput("山田 花子", "090-1111-2222", null, null), CancellationToken.None)).Succeeded);

        var result = await _contacts.SetAsync(_bot, _member, new ProfileInput("古い 名前", "080-5555-6666", null, null), loaded, removePhone: false, CancellationToken.None);

        Assert.True(result.IsStale);
        Assert.False(result.Succeeded);
        Assert.Equal(("山田 花子", "090-1111-2222"), (result.Fresh!.RegisteredName, result.Fresh.PhoneRaw));
        Assert.True(result.Fresh.Version > loaded);
        await using var db = _f.Db.CreateDbContext();
        Assert.Equal("山田 花子", (await db.Members.SingleAsync()).RegisteredName);
        Assert.Equal(["A"], await LinkedCustomersAsync());
    }

    [Fact]
    public async Task Every_change_of_a_member_moves_its_version_on_the_liff_path_an_operator_save_and_a_tracked_ef_change()
    {
        var v0 = await VersionAsync();
        var forms = new Ecai.Domain.Forms.IdentityForms(_f.Db, _contacts, _f.Live, _f.Clock);
        await forms.SubmitAsync(_bot, _member, new ProfileInput("山田 花子", "090-1111-2222", null, null), CancellationToken.None);
        var afterLiff = await VersionAsync();
        await SetAsync(new ProfileInput("山田 花子", "090-1111-2222", "hanako@example.jp", null), CancellationToken.None);
        var afterOperator = await VersionAsync();
        await using (var db = _f.Db.CreateDbContext())
        {
            (await db.Members.SingleAsync()).Points = 5;
            await db.SaveChangesAsync();
        }

        Assert.True(afterLiff > v0);
        Assert.True(afterOperator > afterLiff);
        Assert.Equal(afterOperator + 1, await VersionAsync());
    }

    [Fact]
    public async Task An_emptied_phone_is_not_removed_unless_the_operator_confirms_it()
    {
        await SetAsync(new ProfileInput(null, "090-1111-2222", null, null), CancellationToken.None);

        var unconfirmed = await SetAsync(new ProfileInput("山田 花子", "", null, null), CancellationToken.None);
        Assert.Equal(MemberContacts.PhoneRemovalUnconfirmed, unconfirmed.Errors["Phone"]);
        await using (var db = _f.Db.CreateDbContext())
            Assert.Equal(("090-1111-2222", (string?)null), ((await db.Members.SingleAsync()).PhoneRaw, (await db.Members.SingleAsync()).RegisteredName));

        var confirmed = await SetAsync(new ProfileInput("山田 花子", "", null, null), CancellationToken.None, removePhone: true);
        Assert.True(confirmed.Succeeded);
        await using (var db = _f.Db.CreateDbContext())
            Assert.Null((await db.Members.SingleAsync()).PhoneRaw);
        Assert.Empty(await LinkedCustomersAsync());
    }

    [Fact]
    public async Task A_phone_typed_in_any_style_links_within_the_same_call_and_says_so()
    {
        var result = await SetAsync(new ProfileInput(null, "０９０ー１１１１ー２２２２", null, null), CancellationToken.None);

        Assert.Equal((true, 1, 1), (result.Succeeded, result.NewLinks, result.LinkedCustomers));
        Assert.Equal(["A"], await LinkedCustomersAsync());
        Assert.Contains(_f.Live.Events, e => e is DashboardChanged d && d.BotId == _bot);
    }

    [Fact]
    public async Task A_changed_phone_drops_the_old_link_and_makes_the_new_one_and_clearing_it_unlinks()
    {
        await SetAsync(new ProfileInput(null, "090-1111-2222", null, null), CancellationToken.None);

        var changed = await SetAsync(new ProfileInput(null, "08055556666", null, null), CancellationToken.None);
        Assert.Equal((1, 1), (changed.NewLinks, changed.LinkedCustomers));
        Assert.Equal(["B"], await LinkedCustomersAsync());

        var cleared = await SetAsync(new ProfileInput(null, " ", null, null), CancellationToken.None, removePhone: true);
        Assert.Equal((true, 0), (cleared.Succeeded, cleared.LinkedCustomers));
        Assert.Empty(await LinkedCustomersAsync());
    }

    [Fact]
    public async Task A_customer_without_orders_is_not_linked_by_phone()
    {
        var result = await SetAsync(new ProfileInput(null, "070-9999-0000", null, null), CancellationToken.None);

        Assert.Equal((true, 0), (result.Succeeded, result.LinkedCustomers));
    }

    [Fact]
    public async Task Invalid_input_gets_japanese_messages_and_changes_nothing()
    {
        await SetAsync(new ProfileInput(null, "090-1111-2222", "ok@example.jp", null), CancellationToken.None);

        var result = await SetAsync(new ProfileInput(null, "12345", "not-an-address", null), CancellationToken.None);

        Assert.Equal("電話番号の形式が正しくありません(例: 090-1234-5678)。", result.Errors["Phone"]);
        Assert.Equal("メールアドレスの形式が正しくありません。", result.Errors["Email"]);
        await using var db = _f.Db.CreateDbContext();
        var member = await db.Members.SingleAsync();
        Assert.Equal(("+819011112222", "ok@example.jp"), (member.PhoneNormalized, member.EmailNormalized));
        Assert.Equal(["A"], await LinkedCustomersAsync());
    }

    [Fact]
    public async Task Another_bots_member_is_not_found_and_not_changed()
    {
        var other = await _f.AddBotAsync("別ショップ");

        var result = await _contacts.SetAsync(other, _member, new ProfileInput(null, "090-1111-2222", null, null), await VersionAsync(), removePhone: false, CancellationToken.None);

        Assert.Equal("会員が見つかりません。", result.Errors[""]);
        Assert.Empty(await LinkedCustomersAsync());
    }

    [Fact]
    public async Task Name_and_birthday_are_saved_with_the_contacts_and_a_member_event_is_published()
    {
        var result = await SetAsync(new ProfileInput(" 山田 花子 ", "090-1111-2222", null, new DateOnly(1990, 4, 1)),
            CancellationToken.None);

        Assert.True(result.Succeeded);
        await using var db = _f.Db.CreateDbContext();
        var member = await db.Members.SingleAsync();
        Assert.Equal(("山田 花子", new DateOnly(1990, 4, 1)), (member.RegisteredName, member.Birthday));
        Assert.Contains(_f.Live.Events, e => e is MemberChanged m && m.MemberId == _member);
    }

    [Theory]
    [InlineData(2026, 11, 29, "生年月日が正しくありません。")] // tomorrow, when today in Japan is 2026-11-28
    [InlineData(1899, 12, 31, "生年月日が正しくありません。")]
    public void A_birthday_in_the_future_or_before_1900_is_refused(int year, int month, int day, string message)
    {
        var errors = MemberContacts.Validate(new ProfileInput(null, null, null, new DateOnly(year, month, day)), false, new DateOnly(2026, 11, 28));

        Assert.Equal(message, errors["Birthday"]);
    }

    [Fact]
    public void The_identity_form_requires_a_name_and_a_phone_while_the_operator_may_leave_them_blank()
    {
        var blank = new ProfileInput(" ", "", null, null);

        Assert.Equal(new Dictionary<string, string> { ["Name"] = "お名前を入力してください。", ["Phone"] = "電話番号を入力してください。" },
            MemberContacts.Validate(blank, requireNameAndPhone: true, new DateOnly(2026, 11, 28)));
        Assert.Empty(MemberContacts.Validate(blank, requireNameAndPhone: false, new DateOnly(2026, 11, 28)));
        Assert.Equal("お名前は50文字以内で入力してください。",
            MemberContacts.Validate(blank with { Name = new string('あ', 51) }, false, new DateOnly(2026, 11, 28))["Name"]);
    }
}
