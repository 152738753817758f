using Ecai.Domain.Realtime;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Broadcasts;
using Ecai.Domain.Tags;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Domain.Tags;

/// <summary>タグリスト: folders with member counts, and create / rename / move / delete with Japanese reasons.</summary>
public sealed class TagCatalogTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private DomainFixture _f = null!;
    private TagCatalog _tags = null!;
    private int _bot;
    private int _next;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _tags = new TagCatalog(_f.Db, _f.Live, _f.Clock);
        _bot = await _f.AddBotAsync();
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private async Task<int> TagAsync(string name, string? folder = null, int? bot = null)
    {
        var result = await _tags.CreateAsync(bot ?? _bot, name, folder, Ct);
        Assert.True(result.Succeeded, result.Error);
        return result.TagId!.Value;
    }

    private async Task<List<long>> MembersAsync(int count, int? bot = null)
    {
        var friends = Enumerable.Range(0, count)
            .Select(_ => new NewMember($"U{++_next:D32}", "友だち" + _next, _f.Clock.GetUtcNow().AddDays(-1))).ToList();
        await _f.Members.AddAsync(bot ?? _bot, friends, Ct);
        await using var db = _f.Db.CreateDbContext();
        var ids = friends.Select(f => f.LineUserId).ToList();
        return await db.Members.Where(m => ids.Contains(m.LineUserId)).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
    }

    private async Task GiveAsync(int tagId, IEnumerable<long> members)
    {
        await using var db = _f.Db.CreateDbContext();
        db.MemberTags.AddRange(members.Select(m => new MemberTag { MemberId = m, TagId = tagId, AddedAt = _f.Clock.GetUtcNow() }));
        await db.SaveChangesAsync();
    }

    private async Task RulesAsync(int tagId, int count)
    {
        await using var db = _f.Db.CreateDbContext();
        db.TagRules.AddRange(Enumerable.Range(0, count).Select(_ => new TagRule
        {
            BotId = _bot, TagId = tagId, Kind = TagRuleKind.CartLinked, CreatedAt = _f.Clock.GetUtcNow(),
        }));
        await db.SaveChangesAsync();
    }

    private async Task<TagSummary> OneAsync(int tagId) =>
        (await _tags.ListAsync(_bot, Ct)).Folders.SelectMany(f => f.Tags).Single(t => t.Id == tagId);

    [Fact]
    public async Task Lists_folders_by_name_then_unfiled_tags_with_members_per_tag_and_distinct_members_per_folder()
    {
        var members = await MembersAsync(5);
        var vip = await TagAsync("VIP", "購入");
        var repeat = await TagAsync("リピーター", "購入");
        var campaign = await TagAsync("冬キャンペーン", "キャンペーン");
        var unfiled = await TagAsync("要確認");
        await TagAsync("未使用", "購入");
        await GiveAsync(vip, members[..2]);
        await GiveAsync(repeat, members[1..4]);
        await GiveAsync(campaign, [members[4]]);
        await GiveAsync(unfiled, members[..1]);

        var list = await _tags.ListAsync(_bot, Ct);

        Assert.Equal(["キャンペーン", "購入", null], list.Folders.Select(f => f.Name));
        var bought = list.Folders[1];
        Assert.Equal(["VIP", "リピーター", "未使用"], bought.Tags.Select(t => t.Name));
        Assert.Equal([2, 3, 0], bought.Tags.Select(t => t.Members));
        Assert.Equal(4, bought.Members); // member 1 has both tags and counts once
        Assert.Equal(1, list.Folders[0].Members);
        Assert.Equal(1, list.Folders[2].Members);
        Assert.Equal(5, list.TagCount);
        Assert.Equal(["キャンペーン", "購入"], list.FolderNames);
    }

    [Fact]
    public async Task Lists_what_uses_each_tag_and_nothing_of_another_bot()
    {
        var other = await _f.AddBotAsync("他店");
        var formTag = await TagAsync("フォーム回答");
        var ruled = await TagAsync("購入者");
        await RulesAsync(ruled, 2);
        await TagAsync("他店のタグ", bot: other);
        await using (var db = _f.Db.CreateDbContext())
        {
            db.IdentityFormTags.Add(new IdentityFormTag { BotId = _bot, TagId = formTag });
            await db.SaveChangesAsync();
        }

        var list = await _tags.ListAsync(_bot, Ct);

        var tags = list.Folders.SelectMany(f => f.Tags).ToDictionary(t => t.Name);
        Assert.Equal(["フォーム回答", "購入者"], tags.Keys.Order());
        Assert.True(tags["フォーム回答"].UsedByIdentityForm);
        Assert.Equal(0, tags["フォーム回答"].Rules);
        Assert.False(tags["購入者"].UsedByIdentityForm);
        Assert.Equal(2, tags["購入者"].Rules);
        Assert.True(tags["購入者"].InUse);
    }

    [Fact]
    public async Task Creates_a_trimmed_tag_in_a_folder_and_tells_open_pages()
    {
        var id = await TagAsync("  新規  ", "  キャンペーン ");

        var tag = await OneAsync(id);
        Assert.Equal("新規", tag.Name);
        Assert.Equal("キャンペーン", tag.Folder);
        Assert.Contains(new TagsChanged(_bot), _f.Live.Events);
    }

    [Fact]
    public async Task A_blank_folder_means_no_folder()
    {
        var id = await TagAsync("タグ", "   ");

        Assert.Null((await OneAsync(id)).Folder);
    }

    [Theory]
    [InlineData("", "タグ名を入力してください。")]
    [InlineData("   ", "タグ名を入力してください。")]
    [InlineData("あいうえおかきくけこあいうえおかきくけこあいうえおかきくけこあいうえおかきくけこあいうえおかきくけこX", "タグ名は50文字以内で入力してください。")]
    public async Task Refuses_a_name_that_is_empty_or_too_long(string name, string error)
    {
        var result = await _tags.CreateAsync(_bot, name, null, Ct);

        Assert.Equal(error, result.Error);
        await using var db = _f.Db.CreateDbContext();
        Assert.Empty(db.Tags);
    }

    [Fact]
    public async Task Refuses_a_folder_name_that_is_too_long()
    {
        var result = await _tags.CreateAsync(_bot, "タグ", new string('フ', Tag.MaxNameLength + 1), Ct);

        Assert.Equal("フォルダ名は50文字以内で入力してください。", result.Error);
    }

    [Fact]
    public async Task Refuses_a_duplicate_name_in_the_bot_but_allows_it_in_another_bot()
    {
        await TagAsync("VIP", "購入");
        var other = await _f.AddBotAsync("他店");

        var duplicate = await _tags.CreateAsync(_bot, " VIP ", "別フォルダ", Ct);
        var elsewhere = await _tags.CreateAsync(other, "VIP", null, Ct);

        Assert.Equal("「VIP」という名前のタグはすでにあります。", duplicate.Error);
        Assert.Null(duplicate.TagId);
        Assert.True(elsewhere.Succeeded);
    }

    [Fact]
    public async Task Renames_a_tag_but_not_onto_the_name_of_another()
    {
        var vip = await TagAsync("VIP");
        await TagAsync("優良顧客");

        var renamed = await _tags.RenameAsync(_bot, vip, "VIP会員", (await OneAsync(vip)).Version, Ct);
        var clash = await _tags.RenameAsync(_bot, vip, "優良顧客", (await OneAsync(vip)).Version, Ct);
        var same = await _tags.RenameAsync(_bot, vip, "VIP会員", (await OneAsync(vip)).Version, Ct);
        var empty = await _tags.RenameAsync(_bot, vip, " ", (await OneAsync(vip)).Version, Ct);

        Assert.True(renamed.Succeeded);
        Assert.Equal("「優良顧客」という名前のタグはすでにあります。", clash.Error);
        Assert.True(same.Succeeded);
        Assert.Equal("タグ名を入力してください。", empty.Error);
        Assert.Equal("VIP会員", (await OneAsync(vip)).Name);
    }

    [Fact]
    public async Task Moves_a_tag_into_a_folder_and_back_to_no_folder()
    {
        var id = await TagAsync("VIP");

        Assert.True((await _tags.MoveAsync(_bot, id, "購入", (await OneAsync(id)).Version, Ct)).Succeeded);
        Assert.Equal("購入", (await OneAsync(id)).Folder);
        Assert.True((await _tags.MoveAsync(_bot, id, null, (await OneAsync(id)).Version, Ct)).Succeeded);
        Assert.Null((await OneAsync(id)).Folder);
    }

    [Fact]
    public async Task Renaming_a_folder_moves_all_its_tags_and_no_others()
    {
        var a = await TagAsync("A", "購入");
        var b = await TagAsync("B", "購入");
        var c = await TagAsync("C", "キャンペーン");
        var d = await TagAsync("D");

        var error = await _tags.RenameFolderAsync(_bot, "購入", " 購入履歴 ", Ct);

        Assert.Null(error);
        var list = await _tags.ListAsync(_bot, Ct);
        Assert.Equal(["キャンペーン", "購入履歴", null], list.Folders.Select(f => f.Name));
        Assert.Equal([a, b], list.Folders[1].Tags.Select(t => t.Id));
        Assert.Equal("キャンペーン", (await OneAsync(c)).Folder);
        Assert.Null((await OneAsync(d)).Folder);
    }

    [Fact]
    public async Task Renaming_a_folder_that_does_not_exist_or_to_nothing_is_refused()
    {
        await TagAsync("A", "購入");

        Assert.Equal("フォルダが見つかりません。", await _tags.RenameFolderAsync(_bot, "存在しない", "新しい", Ct));
        Assert.Equal("フォルダ名を入力してください。", await _tags.RenameFolderAsync(_bot, "購入", "  ", Ct));
        Assert.Equal("購入", (await _tags.ListAsync(_bot, Ct)).Folders[0].Name);
    }

    [Fact]
    public async Task Deleting_removes_the_tag_from_every_member_and_leaves_other_tags()
    {
        var members = await MembersAsync(3);
        var doomed = await TagAsync("削除するタグ");
        var kept = await TagAsync("残すタグ");
        await GiveAsync(doomed, members);
        await GiveAsync(kept, members[..1]);

        var error = await _tags.DeleteAsync(_bot, doomed, Ct);

        Assert.Null(error);
        await using var db = _f.Db.CreateDbContext();
        Assert.False(await db.Tags.AnyAsync(t => t.Id == doomed));
        Assert.Equal([kept], await db.MemberTags.Select(m => m.TagId).ToListAsync());
        Assert.Equal(1, (await OneAsync(kept)).Members);
        Assert.Contains(new TagsChanged(_bot), _f.Live.Events);
    }

    [Fact]
    public async Task Deleting_a_tag_the_identity_form_adds_is_refused_with_the_reason()
    {
        var members = await MembersAsync(1);
        var formTag = await TagAsync("フォーム回答");
        await GiveAsync(formTag, members);
        await using (var db = _f.Db.CreateDbContext())
        {
            db.IdentityFormTags.Add(new IdentityFormTag { BotId = _bot, TagId = formTag });
            await db.SaveChangesAsync();
        }

        var error = await _tags.DeleteAsync(_bot, formTag, Ct);

        Assert.Equal("本人確認フォームで使われているため削除できません。", error);
        Assert.Equal(1, (await OneAsync(formTag)).Members);
    }

    [Fact]
    public async Task Deleting_a_tag_that_rules_set_is_refused_with_the_number_of_rules()
    {
        var ruled = await TagAsync("購入者");
        await RulesAsync(ruled, 3);

        var error = await _tags.DeleteAsync(_bot, ruled, Ct);

        Assert.Equal("タグの自動設定(3件)で使われているため削除できません。", error);
        await using var db = _f.Db.CreateDbContext();
        Assert.True(await db.Tags.AnyAsync(t => t.Id == ruled));
    }

    private async Task BroadcastAsync(BroadcastState state, MemberFilter? filter, int? bot = null)
    {
        await using var db = _f.Db.CreateDbContext();
        var message = new StoredMessage { BotId = bot ?? _bot, ContentJson = MessageContent.OfText("セールのお知らせ").ToJson(), CreatedAt = _f.Clock.GetUtcNow() };
        db.StoredMessages.Add(message);
        await db.SaveChangesAsync();
        db.Broadcasts.Add(new Broadcast
        {
            BotId = bot ?? _bot, Title = state.ToString(), MessageId = message.Id, FilterJson = filter?.ToJson(), State = state,
            ScheduledAt = _f.Clock.GetUtcNow().AddDays(1), CreatedAt = _f.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Deleting_a_tag_that_booked_broadcasts_target_is_refused_with_their_number()
    {
        var tag = await TagAsync("セール対象");
        var other = await TagAsync("別のタグ");
        await BroadcastAsync(BroadcastState.Scheduled, new MemberFilter { TagsAny = [other, tag] });
        await BroadcastAsync(BroadcastState.Scheduled, new MemberFilter { TagsNone = [tag] });
        await BroadcastAsync(BroadcastState.Scheduled, new MemberFilter { TagsAll = [other] });
        await BroadcastAsync(BroadcastState.Scheduled, null);
        await BroadcastAsync(BroadcastState.Done, new MemberFilter { TagsAll = [tag] });

        Assert.Equal("予約中の一斉配信(2件)で使われているため削除できません。", await _tags.DeleteBlockerAsync(_bot, tag, Ct));
        Assert.Equal(TagCatalog.UsedByBookedBroadcasts(2), await _tags.DeleteAsync(_bot, tag, Ct));
        await using var db = _f.Db.CreateDbContext();
        Assert.True(await db.Tags.AnyAsync(t => t.Id == tag));
    }

    [Fact]
    public async Task Broadcasts_that_were_sent_are_sending_or_were_cancelled_do_not_keep_a_tag()
    {
        var tag = await TagAsync("セール対象");
        foreach (var state in new[] { BroadcastState.Sending, BroadcastState.Done, BroadcastState.Cancelled })
            await BroadcastAsync(state, new MemberFilter { TagsAll = [tag] });

        Assert.Null(await _tags.DeleteAsync(_bot, tag, Ct));
        await using var db = _f.Db.CreateDbContext();
        Assert.False(await db.Tags.AnyAsync(t => t.Id == tag));
        Assert.Equal(3, await db.Broadcasts.CountAsync()); // their history stays
    }

    [Fact]
    public async Task Another_bots_tag_is_not_found_and_stays_untouched()
    {
        var other = await _f.AddBotAsync("他店");
        var foreign = await TagAsync("他店のタグ", "他店フォルダ", bot: other);

        Assert.Equal("タグが見つかりません。", await _tags.DeleteAsync(_bot, foreign, Ct));
        Assert.Equal("タグが見つかりません。", (await _tags.RenameAsync(_bot, foreign, "乗っ取り", 0, Ct)).Error);
        Assert.Equal("タグが見つかりません。", (await _tags.MoveAsync(_bot, foreign, "乗っ取り", 0, Ct)).Error);
        Assert.Equal("フォルダが見つかりません。", await _tags.RenameFolderAsync(_bot, "他店フォルダ", "乗っ取り", Ct));

        await using var db = _f.Db.CreateDbContext();
        var tag = await db.Tags.SingleAsync(t => t.Id == foreign);
        Assert.Equal(("他店のタグ", "他店フォルダ"), (tag.Name, tag.Folder));
    }

    [Fact]
    public async Task Renaming_or_moving_a_tag_shown_before_another_operator_changed_it_is_refused_with_the_fresh_tag()
    {
        var id = await TagAsync("VIP", "顧客");
        var first = await OneAsync(id); // operator A's タグリスト
        var second = await OneAsync(id); // operator B's
        Assert.True((await _tags.RenameAsync(_bot, id, "VIP会員", first.Version, Ct)).Succeeded);

        var rename = await _tags.RenameAsync(_bot, id, "優良顧客", second.Version, Ct);
        var move = await _tags.MoveAsync(_bot, id, "施策", second.Version, Ct);

        Assert.Equal((false, true, (string?)null), (rename.Succeeded, rename.IsStale, rename.Error));
        Assert.Equal(("VIP会員", "顧客", first.Version + 1), (rename.Fresh!.Name, rename.Fresh.Folder, rename.Fresh.Version));
        Assert.Equal((false, true, "VIP会員"), (move.Succeeded, move.IsStale, move.Fresh!.Name));
        var now = await OneAsync(id);
        Assert.Equal(("VIP会員", "顧客"), (now.Name, now.Folder));

        Assert.True((await _tags.MoveAsync(_bot, id, "施策", rename.Fresh.Version, Ct)).Succeeded); // B again, on the fresh tag
        Assert.Equal(("VIP会員", "施策"), ((await OneAsync(id)).Name, (await OneAsync(id)).Folder));
    }
}
