using Ecai.Domain.Forms;
using Ecai.Domain.Members;
using Ecai.Domain.Realtime;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Ecai.Tests.Support.CartRecords;

namespace Ecai.Tests.Domain.Forms;

/// <summary>本人確認フォーム: save, link at once, tag — with the tag-added event raised on every submission.</summary>
public sealed class IdentityFormsTests : IAsyncLifetime
{
    private DomainFixture _f = null!;
    private IdentityForms _forms = null!;
    private int _bot;
    private long _member;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _forms = new IdentityForms(_f.Db, new MemberContacts(_f.Db, _f.Linker, _f.Rules, _f.Live, _f.Clock), _f.Live, _f.Clock);
        _bot = await _f.AddBotAsync();
        await _f.ConnectAsync(_bot);
        _f.Carts.Customers.Add(Customer("A", "090-1111-2222"));
        _f.Carts.Orders.Add(Order("1", "A"));
        await _f.PullAsync(_bot);
        await _f.Members.AddAsync(_bot, [new NewMember("U1", "はなこ", T0)], CancellationToken.None);
        await using var db = _f.Db.CreateDbContext();
        _member = await db.Members.Select(m => m.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static ProfileInput Input(string phone = "09011112222") => new("山田 花子", phone, "hana@example.jp", new DateOnly(1990, 4, 1));

    private async Task<List<(int TagId, TagCause? Cause)>> TagEventsAsync()
    {
        await using var db = _f.Db.CreateDbContext();
        return (await db.MemberEvents.Where(e => e.MemberId == _member && e.Kind == MemberEventKind.TagAdded).OrderBy(e => e.Id)
            .Select(e => new { e.TagId, e.Cause }).ToListAsync()).Select(e => (e.TagId!.Value, e.Cause)).ToList();
    }

    [Fact]
    public async Task A_submission_saves_the_details_links_within_the_call_and_adds_the_forms_tags()
    {
        await _forms.SetUpAsync(_bot, new IdentityFormSettings(["本人確認済", "フォーム回答"], "確認中です"));

        var result = await _forms.SubmitAsync(_bot, _member, Input(), CancellationToken.None);

        Assert.Equal((true, 1), (result.Succeeded, result.LinkedCustomers));
        var view = await _forms.LoadAsync(_bot, "U1", CancellationToken.None);
        Assert.Equal(new ProfileInput("山田 花子", "09011112222", "hana@example.jp", new DateOnly(1990, 4, 1)), view!.Entered);
        Assert.Equal((1, "確認中です"), (view.LinkedCustomers, view.DoneMessage));
        await using var db = _f.Db.CreateDbContext();
        var tags = await (from mt in db.MemberTags join t in db.Tags on mt.TagId equals t.Id where mt.MemberId == _member orderby t.Name select t.Name).ToListAsync();
        Assert.Equal(["フォーム回答", "本人確認済"], tags);
        Assert.Equal(2, (await TagEventsAsync()).Count);
        Assert.Contains(_f.Live.Events, e => e is DashboardChanged);
    }

    [Fact]
    public async Task A_resubmitted_form_raises_the_tag_added_event_again_but_never_tags_twice()
    {
        await _forms.SetUpAsync(_bot, new IdentityFormSettings(["本人確認済"], IdentityForms.DefaultDoneMessage));

        await _forms.SubmitAsync(_bot, _member, Input(), CancellationToken.None);
        await _forms.SubmitAsync(_bot, _member, Input(), CancellationToken.None);

        var events = await TagEventsAsync();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(TagCause.IdentityForm, e.Cause));
        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(1, await db.MemberTags.CountAsync(mt => mt.MemberId == _member));
    }

    [Fact]
    public async Task A_malformed_phone_is_refused_in_japanese_and_nothing_is_saved_tagged_or_linked()
    {
        await _forms.SetUpAsync(_bot, new IdentityFormSettings(["本人確認済"], IdentityForms.DefaultDoneMessage));

        var result = await _forms.SubmitAsync(_bot, _member, Input(phone: "090-1111"), CancellationToken.None);

        Assert.Equal("電話番号の形式が正しくありません(例: 090-1234-5678)。", result.Errors["Phone"]);
        var view = await _forms.LoadAsync(_bot, "U1", CancellationToken.None);
        Assert.Equal((null, null, 0), (view!.Entered.Name, view.Entered.Phone, view.LinkedCustomers));
        Assert.Empty(await TagEventsAsync());
    }

    [Fact]
    public async Task A_blocked_or_unknown_friend_gets_no_form()
    {
        await using (var db = _f.Db.CreateDbContext())
            await db.Members.Where(m => m.Id == _member).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsBlocked, true));

        Assert.Null(await _forms.LoadAsync(_bot, "U1", CancellationToken.None));
        Assert.Null(await _forms.LoadAsync(_bot, "U-unknown", CancellationToken.None));
    }

    [Fact]
    public async Task Settings_reuse_existing_tags_create_missing_ones_and_refuse_an_empty_message()
    {
        await _forms.SetUpAsync(_bot, new IdentityFormSettings(["既存"], "a"));

        var errors = await _forms.SetUpAsync(_bot, new IdentityFormSettings(["既存", " 新規 ", ""], " "));
        Assert.Equal("送信後に表示する文章を入力してください。", errors["DoneMessage"]);
        Assert.Equal(["既存"], (await _forms.SettingsAsync(_bot, CancellationToken.None)).TagNames);

        Assert.Empty(await _forms.SetUpAsync(_bot, new IdentityFormSettings(["既存", " 新規 ", ""], "b")));
        var settings = await _forms.SettingsAsync(_bot, CancellationToken.None);
        Assert.Equal(["新規", "既存"], settings.TagNames.Order());
        Assert.Equal("b", settings.DoneMessage);
        await using var db = _f.Db.CreateDbContext();
        Assert.Equal(2, await db.Tags.CountAsync(t => t.BotId == _bot));
    }
    [Fact]
    public async Task Check_names_every_problem_of_a_submission_and_writes_nothing()
    {
        var errors = _forms.Check(new ProfileInput(" ", "090-1234", "hana@", Ecai.Domain.Time.JapanTime.Today(_f.Clock).AddDays(1)));

        Assert.Equal(["Birthday", "Email", "Name", "Phone"], errors.Keys.Order());
        Assert.Equal("お名前を入力してください。", errors["Name"]);
        Assert.Empty(_forms.Check(Input()));
        await using var db = _f.Db.CreateDbContext();
        Assert.Null((await db.Members.SingleAsync()).PhoneRaw);
    }

    [Fact]
    public async Task The_form_knows_the_shops_own_name_for_the_friends_pages()
    {
        await using (var db = _f.Db.CreateDbContext())
            await db.Bots.Where(b => b.Id == _bot).ExecuteUpdateAsync(s => s.SetProperty(b => b.Name, "はなこの酵素ストア"));

        var view = await _forms.LoadAsync(_bot, "U1", CancellationToken.None);

        Assert.Equal("はなこの酵素ストア", view!.ShopName);
    }

    [Fact]
    public async Task Settings_read_before_another_operator_saved_them_are_refused_with_the_fresh_settings_and_nothing_changes()
    {
        await _forms.SetUpAsync(_bot, new IdentityFormSettings(["本人確認済"], "確認中です"));
        var first = await _forms.SettingsAsync(_bot, CancellationToken.None); // operator A's LINE設定 page
        var second = await _forms.SettingsAsync(_bot, CancellationToken.None); // operator B's
        var saved = await _forms.SaveSettingsAsync(_bot, new IdentityFormSettings(["本人確認済", "VIP"], "Aの文章"), first.Version, CancellationToken.None);
        Assert.True(saved.Succeeded);

        var stale = await _forms.SaveSettingsAsync(_bot, new IdentityFormSettings(["古いタグ"], "Bの文章"), second.Version, CancellationToken.None);

        Assert.Equal((false, true), (stale.Succeeded, stale.IsStale));
        Assert.Empty(stale.Errors);
        Assert.Equal(("Aの文章", saved.Version), (stale.Fresh!.DoneMessage, stale.Fresh.Version));
        Assert.Equal(["VIP", "本人確認済"], stale.Fresh.TagNames.Order());
        var now = await _forms.SettingsAsync(_bot, CancellationToken.None);
        Assert.Equal(("Aの文章", saved.Version), (now.DoneMessage, now.Version));
        Assert.Equal(["VIP", "本人確認済"], now.TagNames.Order());
        await using var db = _f.Db.CreateDbContext();
        Assert.False(await db.Tags.AnyAsync(t => t.Name == "古いタグ")); // nothing created for the refused save
    }

    [Fact]
    public async Task A_change_of_the_forms_tags_alone_moves_the_bots_version_on_and_so_does_line_settings()
    {
        var start = await _forms.SettingsAsync(_bot, CancellationToken.None);
        var tagsOnly = await _forms.SaveSettingsAsync(_bot, new IdentityFormSettings(["本人確認済"], start.DoneMessage), start.Version, CancellationToken.None);
        Assert.Equal((true, start.Version + 1), (tagsOnly.Succeeded, tagsOnly.Version));

        var channels = new Ecai.Domain.Line.LineChannels(_f.Db, _f.Protection); // the same page's other form, from the version it was handed
        var line = await channels.SaveAsync(_bot, new Ecai.Domain.Line.LineChannelSettings("1650000000", new string('a', 32), "token", null), tagsOnly.Version, CancellationToken.None);
        Assert.True(line.Succeeded);

        Assert.True((await _forms.SaveSettingsAsync(_bot, new IdentityFormSettings(["VIP"], "x"), tagsOnly.Version, CancellationToken.None)).IsStale);
        Assert.True((await _forms.SaveSettingsAsync(_bot, new IdentityFormSettings(["VIP"], "x"), line.Version, CancellationToken.None)).Succeeded);
    }
}
