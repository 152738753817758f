using AngleSharp.Dom;
using Bunit;
using Ecai.Domain.Tags;
using Ecai.Web.Components.Pages.Tags;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Ecai.Tests.Web.Components;

public sealed class TagListTests : ComponentTest
{
    private TagCatalog Tags => Services.GetRequiredService<TagCatalog>();

    private async Task<int> TagAsync(int bot, string name, string? folder = null)
    {
        var result = await Tags.CreateAsync(bot, name, folder, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        return result.TagId!.Value;
    }

    private async Task GiveAsync(int tagId, IEnumerable<long> members)
    {
        await using var db = Db.CreateDbContext();
        db.MemberTags.AddRange(members.Select(m => new MemberTag { MemberId = m, TagId = tagId, AddedAt = Now }));
        await db.SaveChangesAsync();
    }

    /// <summary>The page under a dialog provider, as in the app's layout.</summary>
    private IRenderedComponent<IComponent> RenderPage() => Render(b =>
    {
        b.OpenComponent<MudPopoverProvider>(0);
        b.CloseComponent();
        b.OpenComponent<MudDialogProvider>(1);
        b.CloseComponent();
        b.OpenComponent<TagListPage>(2);
        b.CloseComponent();
    });

    private static IElement Row(IRenderedComponent<IComponent> page, string name) =>
        page.FindAll("[data-testid=tag-row]").Single(r => r.QuerySelector("[data-testid=tag-name]")!.TextContent.Trim() == name);

    /// <summary>Finds a row's button and clicks it in one dispatch: the list may re-render in between (on PostgreSQL its
    /// loads finish after the first render, and a live event reloads it).</summary>
    private static Task ClickInRowAsync(IRenderedComponent<IComponent> page, string name, string testId) =>
        page.InvokeAsync(() => Row(page, name).QuerySelector($"[data-testid={testId}]")!.Click());

    private static string CountOf(IRenderedComponent<IComponent> page, string name) =>
        Row(page, name).QuerySelector("[data-testid=tag-count]")!.TextContent.Trim();

    private static List<string> Names(IRenderedComponent<IComponent> page) =>
        page.FindAll("[data-testid=tag-name]").Select(n => n.TextContent.Trim()).ToList();

    [Fact]
    public async Task Shows_each_folder_with_its_tags_and_how_many_members_have_each()
    {
        var bot = await SignedInBotAsync();
        var members = await Seed.MembersAsync(bot, 3);
        var vip = await TagAsync(bot, "VIP", "購入");
        var repeat = await TagAsync(bot, "リピーター", "購入");
        await TagAsync(bot, "要確認");
        await GiveAsync(vip, members);
        await GiveAsync(repeat, members[..1]);

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal("3人", CountOf(page, "VIP")));
        Assert.Equal("1人", CountOf(page, "リピーター"));
        Assert.Equal("0人", CountOf(page, "要確認"));
        var folders = page.FindAll("[data-testid=tag-folder-name]").Select(f => f.TextContent.Trim()).ToList();
        Assert.Equal(["購入", "未分類"], folders);
        Assert.Equal("2タグ ・ 3人", page.FindAll("[data-testid=tag-folder-count]")[0].TextContent.Trim());
        Assert.Equal("タグ 3件", page.Find("[data-testid=tag-total]").TextContent.Trim());
    }

    [Fact]
    public async Task Creating_a_tag_shows_it_and_a_duplicate_name_is_refused_in_Japanese()
    {
        var bot = await SignedInBotAsync();
        await TagAsync(bot, "VIP");
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(["VIP"], Names(page)));

        page.Find("#tag-new-name").Input("新規会員");
        page.Find("[data-testid=tag-create]").Click();

        page.WaitForAssertion(() => Assert.Equal(["VIP", "新規会員"], Names(page)));
        Assert.Equal("0人", CountOf(page, "新規会員"));
        Assert.Empty(page.Find("#tag-new-name").GetAttribute("value") ?? "");
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=tag-create]").HasAttribute("disabled"))); // the first creation is done

        page.Find("#tag-new-name").Input("VIP");
        page.Find("[data-testid=tag-create]").Click();

        page.WaitForAssertion(() => Assert.Contains("「VIP」という名前のタグはすでにあります。", page.Find("[data-testid=tag-create-form]").TextContent));
        Assert.Equal(["VIP", "新規会員"], Names(page));
    }

    [Fact]
    public async Task A_tag_created_with_a_new_folder_name_appears_in_that_folder()
    {
        var bot = await SignedInBotAsync();
        await TagAsync(bot, "VIP", "購入");
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(["VIP"], Names(page)));

        page.Find("#tag-new-name").Input("冬セール");
        var folder = page.Find("#tag-new-folder");
        folder.Input("キャンペーン");
        folder.Blur();
        page.Find("[data-testid=tag-create]").Click();

        page.WaitForAssertion(() => Assert.Equal(["キャンペーン", "購入"],
            page.FindAll("[data-testid=tag-folder-name]").Select(f => f.TextContent.Trim())));
        Assert.Equal("冬セール", page.Find("[data-testid=tag-folder][data-folder=キャンペーン] [data-testid=tag-name]").TextContent.Trim());
    }

    [Fact]
    public void Folder_suggestions_match_part_of_a_name_and_offer_all_when_the_text_is_already_a_folder()
    {
        string[] folders = ["キャンペーン", "購入", "購入履歴"];

        Assert.Equal(["購入", "購入履歴"], TagFolders.Suggest(folders, "購"));
        Assert.Equal(folders, TagFolders.Suggest(folders, "キャンペーン"));
        Assert.Equal(folders, TagFolders.Suggest(folders, " "));
        Assert.Empty(TagFolders.Suggest(folders, "なし"));
    }

    [Fact]
    public async Task Deleting_a_tag_a_rule_sets_is_refused_with_the_reason_and_keeps_the_tag()
    {
        var bot = await SignedInBotAsync();
        var ruled = await TagAsync(bot, "購入者");
        await using (var db = Db.CreateDbContext())
        {
            db.TagRules.Add(new TagRule { BotId = bot, TagId = ruled, Kind = TagRuleKind.CartLinked, CreatedAt = Now });
            await db.SaveChangesAsync();
        }
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Contains("自動設定 1件", Row(page, "購入者").TextContent));

        await ClickInRowAsync(page, "購入者", "tag-delete");

        page.WaitForAssertion(() => Assert.Equal(
            "タグ「購入者」: タグの自動設定(1件)で使われているため削除できません。", page.Find("[data-testid=tag-notice]").TextContent.Trim()));
        Assert.Empty(page.FindAll(".mud-dialog"));
        Assert.Equal(["購入者"], Names(page));
        await using var check = Db.CreateDbContext();
        Assert.True(await check.Tags.AnyAsync(t => t.Id == ruled));
    }

    [Fact]
    public async Task Deleting_an_unused_tag_asks_first_then_removes_it_from_the_list_and_its_members()
    {
        var bot = await SignedInBotAsync();
        var members = await Seed.MembersAsync(bot, 2);
        var doomed = await TagAsync(bot, "旧キャンペーン");
        await TagAsync(bot, "VIP");
        await GiveAsync(doomed, members);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal("2人", CountOf(page, "旧キャンペーン")));

        await ClickInRowAsync(page, "旧キャンペーン", "tag-delete");

        var dialog = page.WaitForElement(".mud-dialog");
        Assert.Contains("付いている2人の友だちからも外れます", dialog.TextContent);
        await page.InvokeAsync(() => page.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("削除する")).Click()); // as ClickInRowAsync

        page.WaitForAssertion(() => Assert.Equal(["VIP"], Names(page)));
        await using var db = Db.CreateDbContext();
        Assert.Empty(db.MemberTags);
    }

    [Fact]
    public async Task Renaming_a_tag_in_the_dialog_shows_the_new_name()
    {
        var bot = await SignedInBotAsync();
        await TagAsync(bot, "VIP");
        await TagAsync(bot, "優良");
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(2, Names(page).Count));

        await ClickInRowAsync(page, "VIP", "tag-rename");
        page.WaitForElement("#tag-dialog-input").Input("優良");
        page.Find("[data-testid=tag-dialog-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("「優良」という名前のタグはすでにあります。", page.Find(".mud-dialog").TextContent));

        page.Find("#tag-dialog-input").Input("VIP会員");
        page.Find("[data-testid=tag-dialog-save]").Click();

        page.WaitForAssertion(() => Assert.Equal(["VIP会員", "優良"], Names(page)));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog"))); // the list may reload (live event) before the dialog closes
    }

    [Fact]
    public async Task Renaming_a_tag_renamed_elsewhere_meanwhile_is_refused_in_the_dialog_with_a_japanese_message_and_the_fresh_name()
    {
        var bot = await SignedInBotAsync();
        var vip = await TagAsync(bot, "VIP");
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(["VIP"], Names(page)));
        await ClickInRowAsync(page, "VIP", "tag-rename");
        page.WaitForElement("#tag-dialog-input").Input("優良顧客");

        var shown = (await Tags.ListAsync(bot, CancellationToken.None)).Folders.Single().Tags.Single(); // another operator renames it meanwhile
        Assert.True((await Tags.RenameAsync(bot, vip, "VIP会員", shown.Version, CancellationToken.None)).Succeeded);
        page.Find("[data-testid=tag-dialog-save]").Click();

        page.WaitForAssertion(() => Assert.Equal("このタグは他の操作で更新されました。最新の内容を表示しています。もう一度編集してください。",
            page.Find("[data-testid=tag-dialog-stale]").TextContent.Trim()));
        Assert.Equal("VIP会員", page.Find("#tag-dialog-input").GetAttribute("value"));
        Assert.Equal(["VIP会員"], (await Tags.ListAsync(bot, CancellationToken.None)).Folders.Single().Tags.Select(t => t.Name));

        page.Find("#tag-dialog-input").Input("優良顧客"); // typed again on the fresh name: saved
        page.Find("[data-testid=tag-dialog-save]").Click();
        page.WaitForAssertion(() => Assert.Equal(["優良顧客"], Names(page)));
        Assert.Empty(page.FindAll(".mud-dialog"));
    }

    [Fact]
    public async Task The_search_box_keeps_only_matching_tags_or_the_tags_of_a_matching_folder()
    {
        var bot = await SignedInBotAsync();
        await TagAsync(bot, "VIP", "購入");
        await TagAsync(bot, "リピーター", "購入");
        await TagAsync(bot, "冬VIPキャンペーン", "キャンペーン");
        await TagAsync(bot, "要確認");
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(4, Names(page).Count));

        page.Find("#tag-search").Input("vip");
        page.WaitForAssertion(() => Assert.Equal(["冬VIPキャンペーン", "VIP"], Names(page)));

        page.Find("#tag-search").Input("購入");
        page.WaitForAssertion(() => Assert.Equal(["VIP", "リピーター"], Names(page)));

        page.Find("#tag-search").Input("該当なし");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=tag-no-match]")));
    }

    [Fact]
    public async Task Reloads_when_tags_change_elsewhere()
    {
        var bot = await SignedInBotAsync();
        var members = await Seed.MembersAsync(bot, 2);
        var vip = await TagAsync(bot, "VIP");
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal("0人", CountOf(page, "VIP")));

        await GiveAsync(vip, members);
        await TagAsync(bot, "別の画面で作成"); // publishes TagsChanged

        page.WaitForAssertion(() =>
        {
            Assert.Equal("2人", CountOf(page, "VIP"));
            Assert.Contains("別の画面で作成", Names(page));
        });
    }
}
