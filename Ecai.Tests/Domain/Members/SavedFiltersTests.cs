using Ecai.Domain.Members;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Domain.Members;

/// <summary>保存した条件: filters kept by name per bot; a refused change leaves everything as it was.</summary>
public sealed class SavedFiltersTests : IAsyncLifetime
{
    private DomainFixture _f = null!;
    private SavedFilters _saved = null!;
    private int _bot;
    private int _otherBot;
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly MemberFilter Repeaters = new()
    {
        TagsAll = [3, 5], TagsNone = [7], Link = LinkState.Linked, LinkConnectionId = 2, FriendFrom = new DateOnly(2026, 1, 1),
        ProductCode = "SKU-1", PurchaseCountMin = 2, AmountMax = 50_000, Status = Ecai.Domain.Carts.ContinuationStatus.Active,
        BirthdayFrom = 1220, BirthdayTo = 110, Blocked = false,
    };

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _saved = new SavedFilters(_f.Db, _f.Clock);
        _bot = await _f.AddBotAsync();
        _otherBot = await _f.AddBotAsync("別のショップ");
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private async Task<int> SaveAsync(int bot, string name, MemberFilter filter)
    {
        var result = await _saved.SaveAsNewAsync(bot, name, filter, Ct);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.Id!.Value;
    }

    /// <summary>The saved filter's version as 会員リスト's menu lists it.</summary>
    private async Task<int> VersionAsync(int id) => (await _saved.GetAsync(_bot, id, Ct))!.Version;

    private async Task<List<(string Name, string Json)>> RowsAsync()
    {
        await using var db = _f.Db.CreateDbContext();
        return (await db.SavedFilters.OrderBy(f => f.Id).Select(f => new { f.Name, f.FilterJson }).ToListAsync())
            .Select(r => (r.Name, r.FilterJson)).ToList();
    }

    [Fact]
    public async Task A_filter_is_saved_under_its_trimmed_name_and_parses_back_equal()
    {
        var id = await SaveAsync(_bot, "  リピーター  ", Repeaters);

        var item = Assert.Single(await _saved.ListAsync(_bot, Ct));
        Assert.Equal(id, item.Id);
        Assert.Equal("リピーター", item.Name);
        Assert.Equal(Repeaters.ToJson(), item.Filter.ToJson());
        Assert.Equal(MemberFilterQuery.Write(Repeaters), MemberFilterQuery.Write(item.Filter));
        Assert.Equal([3, 5], item.Filter.TagsAll);
        Assert.Equal(110, item.Filter.BirthdayTo);
        Assert.Equal(_f.Clock.GetUtcNow(), item.UpdatedAt);
        Assert.Equal(Repeaters.ToJson(), (await _saved.GetAsync(_bot, id, Ct))!.Filter.ToJson());
    }

    [Fact]
    public async Task A_duplicate_name_in_another_letter_case_is_refused_in_Japanese_and_nothing_changes()
    {
        await SaveAsync(_bot, "VIP", Repeaters);
        var before = await RowsAsync();

        var result = await _saved.SaveAsNewAsync(_bot, " vip ", MemberFilter.All, Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(["「vip」という名前の条件はすでに保存されています。"], result.Errors);
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task A_blank_or_too_long_name_or_a_filter_with_problems_is_refused_and_nothing_is_saved()
    {
        Assert.Equal([SavedFilters.NameRequired], (await _saved.SaveAsNewAsync(_bot, "   ", Repeaters, Ct)).Errors);
        Assert.Equal(["条件の名前は50文字以内で入力してください。"], (await _saved.SaveAsNewAsync(_bot, new string('あ', 51), Repeaters, Ct)).Errors);
        var reversed = new MemberFilter { PurchaseCountMin = 5, PurchaseCountMax = 1 };
        Assert.Equal(["購入回数の範囲が逆になっています。"], (await _saved.SaveAsNewAsync(_bot, "逆", reversed, Ct)).Errors);
        Assert.Empty(await RowsAsync());

        var id = await SaveAsync(_bot, new string('あ', 50), Repeaters);
        Assert.Equal(["購入回数の範囲が逆になっています。"], (await _saved.OverwriteAsync(_bot, id, reversed, await VersionAsync(id), Ct)).Errors);
        Assert.Equal(Repeaters.ToJson(), (await RowsAsync()).Single().Json);
    }

    [Fact]
    public async Task Rename_changes_the_name_refuses_a_taken_one_and_overwrite_replaces_the_conditions()
    {
        var vip = await SaveAsync(_bot, "VIP", Repeaters);
        await SaveAsync(_bot, "新規", MemberFilter.All);

        Assert.True((await _saved.RenameAsync(_bot, vip, " 優良顧客 ", await VersionAsync(vip), Ct)).Succeeded);
        Assert.Equal(["「新規」という名前の条件はすでに保存されています。"], (await _saved.RenameAsync(_bot, vip, "新規", await VersionAsync(vip), Ct)).Errors);
        Assert.True((await _saved.RenameAsync(_bot, vip, "優良顧客", await VersionAsync(vip), Ct)).Succeeded); // its own name again
        Assert.Equal([SavedFilters.NameRequired], (await _saved.RenameAsync(_bot, vip, "", await VersionAsync(vip), Ct)).Errors);
        Assert.Equal(["優良顧客", "新規"], (await RowsAsync()).Select(r => r.Name).Order(StringComparer.Ordinal).ToList());

        _f.Clock.Advance(TimeSpan.FromHours(1));
        var blocked = new MemberFilter { Blocked = true };
        Assert.True((await _saved.OverwriteAsync(_bot, vip, blocked, await VersionAsync(vip), Ct)).Succeeded);
        var item = (await _saved.GetAsync(_bot, vip, Ct))!;
        Assert.Equal("優良顧客", item.Name);
        Assert.Equal(blocked.ToJson(), item.Filter.ToJson());
        Assert.Equal(_f.Clock.GetUtcNow(), item.UpdatedAt);
    }

    [Fact]
    public async Task Delete_removes_the_saved_filter_only()
    {
        var vip = await SaveAsync(_bot, "VIP", Repeaters);
        await SaveAsync(_bot, "新規", MemberFilter.All);

        Assert.Null(await _saved.DeleteAsync(_bot, vip, Ct));

        Assert.Equal(["新規"], (await _saved.ListAsync(_bot, Ct)).Select(f => f.Name).ToList());
        Assert.Equal(SavedFilters.NotFound, await _saved.DeleteAsync(_bot, vip, Ct));
    }

    [Fact]
    public async Task Each_bot_has_its_own_names_and_another_bots_ids_are_refused()
    {
        var mine = await SaveAsync(_bot, "VIP", Repeaters);
        var theirs = await SaveAsync(_otherBot, "VIP", MemberFilter.All); // the same name in another bot is fine

        Assert.Equal([mine], (await _saved.ListAsync(_bot, Ct)).Select(f => f.Id).ToList());
        Assert.Null(await _saved.GetAsync(_bot, theirs, Ct));
        Assert.Equal([SavedFilters.NotFound], (await _saved.RenameAsync(_bot, theirs, "盗む", 0, Ct)).Errors);
        Assert.Equal([SavedFilters.NotFound], (await _saved.OverwriteAsync(_bot, theirs, Repeaters, 0, Ct)).Errors);
        Assert.Equal(SavedFilters.NotFound, await _saved.DeleteAsync(_bot, theirs, Ct));

        var other = Assert.Single(await _saved.ListAsync(_otherBot, Ct));
        Assert.Equal(("VIP", MemberFilter.All.ToJson()), (other.Name, other.Filter.ToJson()));
    }

    [Fact]
    public async Task Overwriting_a_saved_filter_listed_before_another_operator_overwrote_it_is_refused_with_the_fresh_one()
    {
        var vip = await SaveAsync(_bot, "VIP", Repeaters);
        var first = (await _saved.ListAsync(_bot, Ct)).Single(); // operator A's 会員リスト
        var second = (await _saved.ListAsync(_bot, Ct)).Single(); // operator B's
        var blocked = new MemberFilter { Blocked = true };
        Assert.True((await _saved.OverwriteAsync(_bot, vip, blocked, first.Version, Ct)).Succeeded);

        var stale = await _saved.OverwriteAsync(_bot, vip, MemberFilter.All, second.Version, Ct);
        var renamed = await _saved.RenameAsync(_bot, vip, "古い名前", second.Version, Ct);

        Assert.Equal((false, true, (int?)null), (stale.Succeeded, stale.IsStale, stale.Id));
        Assert.Empty(stale.Errors);
        Assert.Equal((blocked.ToJson(), first.Version + 1), (stale.Fresh!.Filter.ToJson(), stale.Fresh.Version));
        Assert.True(renamed.IsStale);
        Assert.Equal([("VIP", blocked.ToJson())], await RowsAsync());

        Assert.True((await _saved.OverwriteAsync(_bot, vip, MemberFilter.All, stale.Fresh.Version, Ct)).Succeeded); // B again, on the fresh one
        Assert.Equal([("VIP", MemberFilter.All.ToJson())], await RowsAsync());
    }
}
