using AngleSharp.Dom;
using Bunit;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Steps;
using Ecai.Domain.Tags;
using Ecai.Tests.Web.Components;
using Ecai.Web.Components.Pages.Steps;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Web.Steps;

/// <summary>ステップメッセージ screens: the list with status and counts, and the scenario editor.</summary>
public sealed class StepPagesTests : ComponentTest
{
    private StepScenarios Scenarios => Services.GetRequiredService<StepScenarios>();

    private static MessageContent Text(string text) => new([new Bubble { Kind = BubbleKind.Text, Text = text }]);

    /// <summary>The input (or textarea) of the field marked with the test id, wherever MudBlazor puts the attribute.</summary>
    private static IElement Input(IElement marked) =>
        marked.TagName is "INPUT" or "TEXTAREA" ? marked : marked.QuerySelector("input, textarea") ?? throw new InvalidOperationException("no input");

    private async Task<int> TagAsync(int bot, string name)
    {
        await using var db = Db.CreateDbContext();
        var tag = new Tag { BotId = bot, Name = name, CreatedAt = Now };
        db.Tags.Add(tag);
        await db.SaveChangesAsync();
        return tag.Id;
    }

    [Fact]
    public async Task The_list_shows_each_scenarios_trigger_steps_and_counts_and_switching_one_off_stops_its_pending_sends()
    {
        var bot = await SignedInBotAsync();
        var form = await TagAsync(bot, "フォーム送信");
        var saved = await Scenarios.SaveAsync(bot, new StepScenarioDraft
        {
            Name = "電話番号の再入力", Trigger = StepTrigger.TagAdded, TagId = form, Filter = new MemberFilter { Link = LinkState.Unlinked },
            Steps = [new StepDraft { DelayKind = StepDelayKind.Hours, Amount = 2, Content = Text("再入力のお願い") },
                     new StepDraft { DelayKind = StepDelayKind.DaysAt, Amount = 1, At = "18:00", Content = Text("念のため") }],
        }, CancellationToken.None);
        var member = (await Seed.MembersAsync(bot, 1))[0];
        await Services.GetRequiredService<MemberTagging>().SetAsync(bot, member, form, add: true, CancellationToken.None);
        await Services.GetServices<IDeliveryPlanner>().OfType<StepPlanner>().Single().PlanAsync(bot, Now, CancellationToken.None);

        var page = Render<StepListPage>();

        var row = page.WaitForElement("[data-testid=step-row]").TextContent;
        Assert.Contains("電話番号の再入力", row);
        Assert.Contains("タグ追加: フォーム送信", row);
        Assert.Contains("絞り込みあり", row);
        Assert.Equal(["1. 2時間後: 送信済み 0 / 失敗 0 / 送信待ち 1", "2. 1日後の18:00: 送信済み 0 / 失敗 0 / 送信待ち 1"],
            page.FindAll("[data-testid=step-tally]").Select(e => e.TextContent.Trim()));

        page.Find("[data-testid=step-row] input[type=checkbox]").Change(false);

        page.WaitForAssertion(() => Assert.Contains("送信待ち 0", page.FindAll("[data-testid=step-tally]")[0].TextContent));
        await using var db = Db.CreateDbContext();
        Assert.False((await db.Set<StepScenario>().SingleAsync(s => s.Id == saved.ScenarioId)).Enabled);
        Assert.All(await db.Deliveries.ToListAsync(), d => Assert.Equal(DeliverySkipReason.Stopped, d.SkipReason));
    }

    [Fact]
    public async Task A_new_scenario_is_refused_in_japanese_until_named_and_then_saved_with_its_steps_in_order()
    {
        var bot = await SignedInBotAsync();
        var page = Render<StepEditPage>();
        page.WaitForElement("[data-testid=step-editor]");
        Assert.Contains("2倍以上", page.Find("[data-testid=step-tip]").TextContent);

        page.Find("[data-testid=step-save]").Click();
        page.WaitForAssertion(() => Assert.Equal(["メッセージ管理名を入力してください。", "ステップ1: 吹き出しを1つ以上入れてください。"],
            page.FindAll("[data-testid=step-error]").Select(e => e.TextContent.Trim())));

        Input(page.Find("[data-testid=step-name]")).Change("友だち追加のごあいさつ");
        page.Find("[data-testid=editor-text]").Input("{name}さん、友だち追加ありがとうございます");
        page.Find("[data-testid=step-add]").Click();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=step-item]").Count));
        Input(page.FindAll("[data-testid=step-amount]")[1]).Change("3");
        page.FindAll("[data-testid=editor-text]")[1].Input("クーポンのご案内");
        page.FindAll("[data-testid=step-up]")[1].Click(); // the coupon goes first
        Input(page.Find("[data-testid=step-filter-on]")).Change(true);
        page.WaitForElement("[data-testid=member-filter]"); // the member list's filter panel, left without conditions

        page.Find("[data-testid=step-save]").Click();

        page.WaitForAssertion(() => Assert.EndsWith("/steps", Services.GetRequiredService<NavigationManager>().Uri));
        var list = Assert.Single(await Scenarios.ListAsync(bot, CancellationToken.None));
        Assert.Equal(("友だち追加のごあいさつ", true, StepTrigger.FriendAdded, false), (list.Name, list.Enabled, list.Trigger, list.Filtered));
        var draft = (await Scenarios.GetAsync(bot, list.Id, CancellationToken.None))!;
        Assert.Equal([("クーポンのご案内", 3), ("{name}さん、友だち追加ありがとうございます", 1)],
            draft.Steps.Select(s => (s.Content.Bubbles.Single().Text, s.Amount)));
        Assert.All(draft.Steps, s => Assert.Equal(StepDelayKind.Days, s.DelayKind));
    }

    [Fact]
    public async Task An_existing_scenario_opens_with_its_time_of_day_and_a_bad_time_is_explained_before_saving()
    {
        var bot = await SignedInBotAsync();
        var saved = await Scenarios.SaveAsync(bot, new StepScenarioDraft
        {
            Name = "翌日18時", Steps = [new StepDraft { DelayKind = StepDelayKind.DaysAt, Amount = 1, At = "18:00", Content = Text("こんばんは") }],
        }, CancellationToken.None);
        var page = Render<StepEditPage>(p => p.Add(x => x.ScenarioId, saved.ScenarioId));

        var at = Input(page.WaitForElement("[data-testid=step-at]"));
        Assert.Equal("18:00", at.GetAttribute("value"));
        Assert.Contains("トリガーの1日後の18:00に配信", page.Find("[data-testid=step-delay-text]").TextContent);

        at.Change("24:10");
        page.WaitForAssertion(() => Assert.Contains("HH:MM", page.Find("[data-testid=step-delay-text]").TextContent));
        page.Find("[data-testid=step-save]").Click();
        page.WaitForAssertion(() => Assert.Equal("ステップ1: 配信時刻をHH:MM(例: 18:00)で入力してください。", page.Find("[data-testid=step-error]").TextContent.Trim()));

        Input(page.Find("[data-testid=step-at]")).Change("7:30");
        page.Find("[data-testid=step-save]").Click();
        page.WaitForAssertion(() => Assert.EndsWith("/steps", Services.GetRequiredService<NavigationManager>().Uri));
        await using var db = Db.CreateDbContext();
        Assert.Equal(7 * 60 + 30, (await db.Set<ScenarioStep>().SingleAsync()).AtMinute);
    }

    [Fact]
    public async Task Saving_a_scenario_changed_elsewhere_meanwhile_is_refused_with_a_japanese_message_and_the_fresh_scenario()
    {
        var bot = await SignedInBotAsync();
        var saved = await Scenarios.SaveAsync(bot, new StepScenarioDraft
        {
            Name = "翌日18時", Steps = [new StepDraft { DelayKind = StepDelayKind.DaysAt, Amount = 1, At = "18:00", Content = Text("こんばんは") }],
        }, CancellationToken.None);
        var page = Render<StepEditPage>(p => p.Add(x => x.ScenarioId, saved.ScenarioId));
        Input(page.WaitForElement("[data-testid=step-name]")).Change("古い画面からの名前");

        var elsewhere = (await Scenarios.GetAsync(bot, saved.ScenarioId!.Value, CancellationToken.None))!; // another operator saves meanwhile
        elsewhere.Name = "翌日20時";
        elsewhere.Steps[0].At = "20:00";
        Assert.True((await Scenarios.SaveAsync(bot, elsewhere, CancellationToken.None)).Succeeded);
        page.Find("[data-testid=step-save]").Click();

        page.WaitForAssertion(() => Assert.Equal("このステップメッセージは他の操作で更新されました。最新の内容を表示しています。もう一度編集してください。",
            page.Find("[data-testid=step-stale]").TextContent.Trim()));
        Assert.Equal("翌日20時", Input(page.Find("[data-testid=step-name]")).GetAttribute("value"));
        Assert.Equal("20:00", Input(page.Find("[data-testid=step-at]")).GetAttribute("value"));
        Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri); // still on the editor
        await using (var db = Db.CreateDbContext())
            Assert.Equal("翌日20時", (await db.Set<StepScenario>().SingleAsync()).Name);

        Input(page.Find("[data-testid=step-name]")).Change("翌日20時(確認済)"); // edited again on the fresh scenario: saved
        page.Find("[data-testid=step-save]").Click();
        page.WaitForAssertion(() => Assert.EndsWith("/steps", Services.GetRequiredService<NavigationManager>().Uri));
        await using (var db = Db.CreateDbContext())
        {
            Assert.Equal("翌日20時(確認済)", (await db.Set<StepScenario>().SingleAsync()).Name);
            Assert.Equal(20 * 60, (await db.Set<ScenarioStep>().SingleAsync()).AtMinute);
        }
    }

    [Fact]
    public async Task Switching_a_scenario_on_first_says_whom_it_reaches_and_a_cancel_leaves_it_off()
    {
        var bot = await SignedInBotAsync();
        var buyer = await TagAsync(bot, "購入者");
        var saved = await Scenarios.SaveAsync(bot, new StepScenarioDraft
        {
            Name = "購入のお礼", Enabled = false, Trigger = StepTrigger.TagAdded, TagId = buyer, Filter = new MemberFilter { Link = LinkState.Unlinked },
            Steps = [new StepDraft { DelayKind = StepDelayKind.Hours, Amount = 1, Content = Text("ありがとうございます") }],
        }, CancellationToken.None);
        var members = await Seed.MembersAsync(bot, 3);
        foreach (var m in members[..2]) await Services.GetRequiredService<MemberTagging>().SetAsync(bot, m, buyer, add: true, CancellationToken.None);
        var page = Render(b =>
        {
            b.OpenComponent<MudBlazor.MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MudBlazor.MudDialogProvider>(1);
            b.CloseComponent();
            b.OpenComponent<StepListPage>(2);
            b.CloseComponent();
        });

        page.WaitForElement("[data-testid=step-row] input[type=checkbox]").Change(true);
        var dialog = page.WaitForElement(".mud-dialog");
        Assert.Contains("「購入のお礼」をオンにする", dialog.TextContent);
        Assert.Contains("今このタグが付いている2人には送りません。", dialog.TextContent);
        Assert.Contains("絞り込み条件に今当てはまる友だちは3人です", dialog.TextContent);
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("キャンセル")).Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        Assert.False(await EnabledAsync(saved.ScenarioId!.Value));

        page.Find("[data-testid=step-row] input[type=checkbox]").Change(true);
        page.WaitForElement(".mud-dialog");
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("オンにする")).Click();
        await page.WaitForAssertionAsync(async () => Assert.True(await EnabledAsync(saved.ScenarioId!.Value)));
    }

    [Fact]
    public async Task The_editor_shows_whom_the_scenario_reaches_and_recounts_when_the_filter_changes()
    {
        var bot = await SignedInBotAsync();
        var buyer = await TagAsync(bot, "購入者");
        var saved = await Scenarios.SaveAsync(bot, new StepScenarioDraft
        {
            Name = "購入のお礼", Trigger = StepTrigger.TagAdded, TagId = buyer,
            Steps = [new StepDraft { DelayKind = StepDelayKind.Hours, Amount = 1, Content = Text("ありがとうございます") }],
        }, CancellationToken.None);
        var members = await Seed.MembersAsync(bot, 4);
        await Services.GetRequiredService<MemberTagging>().SetAsync(bot, members[0], buyer, add: true, CancellationToken.None);
        var page = Render<StepEditPage>(p => p.Add(x => x.ScenarioId, saved.ScenarioId));

        var reach = page.WaitForElement("[data-testid=step-reach]").TextContent;
        Assert.Contains("オンの間にこのタグが付いた人に届きます。今このタグが付いている1人には送りません。", reach);
        Assert.DoesNotContain("絞り込み条件", reach);

        Input(page.Find("[data-testid=step-filter-on]")).Change(true);
        page.WaitForAssertion(() => Assert.Contains("絞り込み条件に今当てはまる友だちは4人です", page.Find("[data-testid=step-reach]").TextContent));
    }

    private async Task<bool> EnabledAsync(int scenarioId)
    {
        await using var db = Db.CreateDbContext();
        return (await db.Set<StepScenario>().SingleAsync(s => s.Id == scenarioId)).Enabled;
    }
}
