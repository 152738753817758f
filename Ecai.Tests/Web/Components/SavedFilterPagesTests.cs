using Bunit;
using Ecai.Domain.Carts;
using Ecai.Domain.Line;
using Ecai.Domain.Members;
using Ecai.Tests.Support;
using Ecai.Web.Components.Pages.Broadcasts;
using Ecai.Web.Components.Pages.Members;
using Ecai.Web.Components.Pages.Steps;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Ecai.Tests.Web.Components;

/// <summary>保存した条件: saved and applied on 会員リスト, picked (as a copy) on the broadcast page and the step editor.</summary>
public sealed class SavedFilterPagesTests : ComponentTest
{
    private SavedFilters Saved => Services.GetRequiredService<SavedFilters>();
    private static readonly MemberFilter Linked = new() { Link = LinkState.Linked };

    /// <summary>A bot with 5 friends, 2 of them linked to a cart.</summary>
    private async Task<int> BotAsync()
    {
        var bot = await SignedInBotAsync();
        var connection = await Seed.ConnectionAsync(bot, CartKind.Repeatst);
        var members = await Seed.MembersAsync(bot, 5, Now.AddDays(-30));
        await Seed.LinkAsync(bot, connection, members.Take(2));
        return bot;
    }

    /// <summary>The page under the popover and dialog providers, as in the app's layout.</summary>
    private IRenderedComponent<IComponent> RenderWithDialogs<TPage>() where TPage : IComponent => Render(b =>
    {
        b.OpenComponent<MudPopoverProvider>(0);
        b.CloseComponent();
        b.OpenComponent<MudDialogProvider>(1);
        b.CloseComponent();
        b.OpenComponent<TPage>(2);
        b.CloseComponent();
    });

    private async Task<List<(string Name, string Json)>> RowsAsync()
    {
        await using var db = Db.CreateDbContext();
        return (await db.SavedFilters.OrderBy(f => f.Id).Select(f => new { f.Name, f.FilterJson }).ToListAsync()).Select(r => (r.Name, r.FilterJson)).ToList();
    }

    /// <summary>Chooses a saved filter in the select marked <paramref name="testId"/>, as picking its item does.</summary>
    private static async Task ChooseAsync(IRenderedComponent<IComponent> page, string testId, int savedId)
    {
        var select = page.FindComponents<MudSelect<int?>>()
            .Single(s => s.Instance.UserAttributes.TryGetValue("data-testid", out var v) && Equals(v, testId));
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(savedId));
    }

    private static string Count(IRenderedComponent<IComponent> page, string testId) =>
        page.Find($"[data-testid={testId}]").TextContent.Replace(" ", "").Trim();

    [Fact]
    public async Task The_member_list_saves_its_filter_by_name_refuses_a_duplicate_and_applies_and_deletes_a_saved_one()
    {
        await BotAsync();
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = RenderWithDialogs<MemberListPage>();
        page.WaitForAssertion(() => Assert.StartsWith("5", Count(page, "member-count")));
        await page.InvokeAsync(() => page.FindComponent<MemberFilterPanel>().Instance.FilterChanged.InvokeAsync(Linked));
        page.WaitForAssertion(() => Assert.StartsWith("2", Count(page, "member-count")));

        page.Find("[data-testid=saved-filter-save]").Click();
        page.WaitForElement("#saved-filter-name").Input("  連携済み ");
        page.Find("[data-testid=saved-filter-dialog-save]").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=saved-filter-dialog]")));
        Assert.Equal([("連携済み", Linked.ToJson())], await RowsAsync());
        page.WaitForAssertion(() => Assert.Contains("連携済み", page.Find("[data-testid=saved-filter-select]").OuterHtml)); // the menu reloads its list

        // The same name again (another letter case would be the same too) is refused in the dialog; nothing is saved.
        await page.InvokeAsync(() => page.FindComponent<MemberFilterPanel>().Instance.FilterChanged.InvokeAsync(new MemberFilter { Blocked = false }));
        page.Find("[data-testid=saved-filter-save]").Click();
        page.WaitForElement("#saved-filter-name").Input("連携済み");
        page.Find("[data-testid=saved-filter-dialog-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("「連携済み」という名前の条件はすでに保存されています。", page.Find("[data-testid=saved-filter-dialog]").TextContent));
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("キャンセル")).Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=saved-filter-dialog]")));
        Assert.Equal([("連携済み", Linked.ToJson())], await RowsAsync());

        // Choosing the saved filter applies it to the list and to the address.
        await page.InvokeAsync(() => page.FindComponent<MemberFilterPanel>().Instance.FilterChanged.InvokeAsync(MemberFilter.All));
        page.WaitForAssertion(() => Assert.StartsWith("5", Count(page, "member-count")));
        var id = (await Saved.ListAsync(Bot(page), CancellationToken.None)).Single().Id;
        await ChooseAsync(page, "saved-filter-select", id);
        page.WaitForAssertion(() => Assert.StartsWith("2", Count(page, "member-count")));
        Assert.Equal("linked", QueryHelpers.ParseQuery(new Uri(navigation.Uri).Query)["link"].ToString());
        Assert.Equal(LinkState.Linked, page.FindComponent<MemberFilterPanel>().Instance.Filter.Link);
        Assert.Empty(page.FindAll("[data-testid=saved-filter-overwrite]")); // the list shows the saved filter as it is

        // Changed after choosing it, the saved filter can be overwritten with the list's filter.
        var linkedUnblocked = Linked with { Blocked = false };
        await page.InvokeAsync(() => page.FindComponent<MemberFilterPanel>().Instance.FilterChanged.InvokeAsync(linkedUnblocked));
        page.WaitForElement("[data-testid=saved-filter-overwrite]").Click();
        Assert.Contains("保存した条件「連携済み」を今の絞り込み条件で上書きしますか?", page.WaitForElement(".mud-dialog").TextContent);
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "上書き保存").Click();
        await page.WaitForAssertionAsync(async () => Assert.Equal([("連携済み", linkedUnblocked.ToJson())], await RowsAsync()));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=saved-filter-overwrite]")));

        page.Find("[data-testid=saved-filter-delete]").Click();
        var dialog = page.WaitForElement(".mud-dialog");
        Assert.Contains("保存した条件「連携済み」を削除しますか?", dialog.TextContent);
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("削除する")).Click();
        await page.WaitForAssertionAsync(async () => Assert.Empty(await RowsAsync()));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=saved-filter-delete]")));
        Assert.StartsWith("2", Count(page, "member-count")); // the list keeps the filter it shows
    }

    [Fact]
    public async Task The_broadcast_page_copies_a_picked_saved_filter_into_its_audience_and_shows_its_recipients()
    {
        var bot = await BotAsync();
        var errors = await Services.GetRequiredService<LineChannels>().SetUpAsync(bot,
            new LineChannelSettings("1234567890", "0123456789abcdef0123456789abcdef", "token-x", null));
        Assert.Empty(errors);
        var saved = await Saved.SaveAsNewAsync(bot, "連携済み", Linked, CancellationToken.None);
        var page = RenderWithDialogs<BroadcastCreatePage>();
        page.WaitForAssertion(() => Assert.Equal("5人", Count(page, "recipient-count")));
        Assert.Contains("あとで保存した条件を変更・削除しても、この配信の条件は変わりません。", page.WaitForElement("[data-testid=saved-filter-copy-note]").TextContent);
        Assert.Contains("保存した条件から選ぶ", page.Find("[data-testid=saved-filter-picker]").TextContent);

        await ChooseAsync(page, "saved-filter-pick", saved.Id!.Value);

        page.WaitForAssertion(() => Assert.Equal("2人", Count(page, "recipient-count")));
        Assert.Equal(LinkState.Linked, page.FindComponent<MemberFilterPanel>().Instance.Filter.Link);
    }

    [Fact]
    public async Task The_step_editor_turns_its_filter_on_with_a_copy_of_the_picked_saved_filter_and_shows_whom_it_reaches()
    {
        var bot = await BotAsync();
        var saved = await Saved.SaveAsNewAsync(bot, "連携済み", Linked, CancellationToken.None);
        var page = RenderWithDialogs<StepEditPage>();
        page.WaitForElement("[data-testid=step-editor]");
        Assert.Empty(page.FindComponents<MemberFilterPanel>());
        Assert.Contains("このシナリオの条件は変わりません。", page.WaitForElement("[data-testid=saved-filter-copy-note]").TextContent);

        await ChooseAsync(page, "saved-filter-pick", saved.Id!.Value);

        page.WaitForAssertion(() => Assert.Contains("絞り込み条件に今当てはまる友だちは2人です", page.Find("[data-testid=step-reach]").TextContent));
        Assert.Equal(LinkState.Linked, page.FindComponent<MemberFilterPanel>().Instance.Filter.Link);
    }

    [Fact]
    public async Task Without_saved_filters_the_pickers_say_where_to_save_one()
    {
        await BotAsync();
        var page = RenderWithDialogs<BroadcastCreatePage>();
        page.WaitForAssertion(() => Assert.Contains("会員リストの「この条件を保存」で保存できます", page.Find("[data-testid=saved-filter-none]").TextContent));
    }

    private static int Bot(IRenderedComponent<IComponent> page) => page.FindComponent<SavedFilterMenu>().Instance.BotId;
}
