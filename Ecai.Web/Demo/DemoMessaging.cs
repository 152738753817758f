using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Broadcasts;
using Ecai.Domain.Messaging.Steps;
using Ecai.Domain.Tags;
using Ecai.Domain.Time;

namespace Ecai.Web.Demo;

/// <summary>
/// Demo mode's messaging on the first run: step messages for new friends (and a phone-number reminder for those still
/// unlinked two days later), a thank-you when the カート連携済 tag is added, and a broadcast booked for tomorrow noon.
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
    }
}
