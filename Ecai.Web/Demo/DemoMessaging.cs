using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Broadcasts;
using Ecai.Domain.Messaging.Follow;
using Ecai.Domain.Messaging.Steps;
using Ecai.Domain.Tags;
using Ecai.Domain.Time;
using Ecai.Integrations.Carts.Ecforce.Sandbox;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Web.Demo;

/// <summary>
/// Demo mode's messaging on the first run: step messages for new friends (and a phone-number reminder for those still
/// unlinked two days later), a thank-you when the カート連携済 tag is added, a broadcast booked for tomorrow noon, and an
/// 引上フォローメッセージ thanking ecforce buyers of the lotion two days after shipping at 18:00 (and tagging them).
/// What they send shows on スマホプレビュー as the demo clock moves on.
/// </summary>
public static class DemoMessaging
{
    public static async Task SeedAsync(IServiceProvider services, int botId, DateTimeOffset now)
    {
        var tags = await services.GetRequiredService<TagCatalog>().ListAsync(botId, CancellationToken.None);
        int TagId(string name) => tags.Folders.SelectMany(f => f.Tags).Single(t => t.Name == name).Id;
        var linked = TagId("カート連携済");
        var steps = services.GetRequiredService<StepScenarios>();
        async Task StepAsync(StepScenarioDraft draft)
        {
            var result = await steps.SaveAsync(botId, draft, CancellationToken.None);
            if (result.Errors.Count > 0) throw new InvalidOperationException("Demo step scenario: " + string.Join(" ", result.Errors));
        }

        await StepAsync(new StepScenarioDraft
        {
            Name = "友だち追加のごあいさつ",
            Trigger = StepTrigger.FriendAdded,
            Steps =
            [
                new StepDraft
                {
                    DelayKind = StepDelayKind.Minutes, Amount = 0,
                    Content = MessageContent.OfText($"{MessageContent.NameVariable}さん、友だち追加ありがとうございます！\nご購入履歴の確認やお得な情報をLINEでお届けします。"),
                },
                new StepDraft
                {
                    DelayKind = StepDelayKind.DaysAt, Amount = 3, At = "12:00",
                    Content = MessageContent.OfText("【初回限定】送料無料クーポンをお届けします\nクーポンコード: WELCOME2026"),
                },
            ],
        });
        await StepAsync(new StepScenarioDraft
        {
            Name = "電話番号の登録のお願い(未連携の方)",
            Trigger = StepTrigger.FriendAdded,
            Filter = new MemberFilter { TagsNone = [linked] },
            Steps =
            [
                new StepDraft
                {
                    DelayKind = StepDelayKind.DaysAt, Amount = 2, At = "10:00",
                    Content = MessageContent.OfText($"{MessageContent.NameVariable}さん、ご購入時の電話番号をご登録いただくと、購入履歴をLINEで確認できるようになります。\nメニューの「本人確認フォーム」からご登録ください。"),
                },
            ],
        });
        await StepAsync(new StepScenarioDraft
        {
            Name = "カート連携のお礼",
            Trigger = StepTrigger.TagAdded,
            TagId = linked,
            Steps =
            [
                new StepDraft
                {
                    DelayKind = StepDelayKind.Minutes, Amount = 5,
                    Content = MessageContent.OfText($"{MessageContent.NameVariable}さん、お客様情報の連携が完了しました\nこれからはLINEで購入履歴やお届け予定をご確認いただけます。"),
                },
            ],
        });

        var tomorrowNoon = JapanTime.At(JapanTime.Today(services.GetRequiredService<TimeProvider>()).AddDays(1), new TimeOnly(12, 0));
        if (tomorrowNoon <= now) tomorrowNoon = now.AddHours(1);
        var (_, errors) = await services.GetRequiredService<Broadcasts>().CreateAsync(botId,
            new BroadcastRequest("週末セールのお知らせ",
                MessageContent.OfText("今週末限定！全品10%OFFセールを開催します。\nこの機会にぜひご利用ください。"),
                new MemberFilter { TagsAll = [TagId("購入者")] }, tomorrowNoon),
            "デモ", CancellationToken.None);
        if (errors.Count > 0) throw new InvalidOperationException("Demo broadcast: " + string.Join(" ", errors));

        await SeedFollowMessageAsync(services, botId);
    }

    /// <summary>The product the demo's follow message is for: a one-time product of the demo ecforce shop.</summary>
    public const string FollowProductCode = "SKN-LOT-01";

    public const string FollowTagName = "ローション発送フォロー済";

    /// <summary>
    /// A follow message needs its trigger product among the connection's products, which the import only learns from
    /// orders. The demo knows what its ecforce sandbox sells (the store's fixed catalogue), so it writes those products
    /// first, as the first pull will find them (same codes, names and courses; the pull's upsert keeps one row each).
    /// </summary>
    private static async Task SeedFollowMessageAsync(IServiceProvider services, int botId)
    {
        int connectionId;
        await using (var db = await services.GetRequiredService<IDbContextFactory<EcaiDb>>().CreateDbContextAsync())
        {
            connectionId = await db.CartConnections.Where(c => c.BotId == botId && c.Kind == CartKind.Ecforce).Select(c => c.Id).SingleAsync();
            var known = await db.CartProducts.Where(p => p.ConnectionId == connectionId).Select(p => p.Code).ToListAsync();
            db.CartProducts.AddRange(EcforceProduct.Catalogue.Where(p => !known.Contains(p.Code))
                .Select(p => new CartProduct { ConnectionId = connectionId, Code = p.Code, Name = p.Name, CourseName = p.CourseName }));
            await db.SaveChangesAsync();
        }

        var tag = (await services.GetRequiredService<TagCatalog>().CreateAsync(botId, FollowTagName, "施策", CancellationToken.None)).TagId
            ?? throw new InvalidOperationException($"Demo tag {FollowTagName} was not created.");
        var (errors, _) = await services.GetRequiredService<FollowMessages>().SaveAsync(botId, new FollowDraft
        {
            Name = "ローション発送2日後のお礼",
            Enabled = true,
            ConnectionId = connectionId,
            ProductCode = FollowProductCode,
            Scenarios =
            [
                new FollowScenarioDraft
                {
                    DaysAfter = 2, AtTime = new TimeOnly(18, 0),
                    Content = MessageContent.OfText($"{MessageContent.NameVariable}さん、薬用ホワイトニングローションをお選びいただきありがとうございます。\n洗顔後すぐ、手のひらで包み込むようになじませるのがおすすめです。"),
                    AddTagId = tag,
                },
            ],
        }, CancellationToken.None);
        if (errors.Count > 0) throw new InvalidOperationException("Demo follow message: " + string.Join(" ", errors));
    }
}
