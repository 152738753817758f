using Ecai.Domain.Line;
using Ecai.Domain.Messaging;
using Ecai.Tests.Support;
using Ecai.Web.Components.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ecai.Tests.Web.Messaging;

/// <summary>1:1トーク in a real browser: the conversation with a Flex step message, a reply that goes out pending.</summary>
public sealed class ChatBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_operator_opens_a_conversation_from_the_list_and_replies()
    {
        long member;
        await using (var db = await browser.App.Db.CreateDbContextAsync())
        {
            var m = await db.Members.OrderBy(x => x.Id).FirstAsync(x => !x.IsBlocked);
            member = m.Id;
            var now = DateTimeOffset.UtcNow;
            var content = new MessageContent([
                new Bubble { Kind = BubbleKind.Text, Text = "{name}さん、ご購入ありがとうございます！\n使い方のご案内です。" },
                new Bubble { Kind = BubbleKind.Flex, AltText = FlexTemplates.Product.AltText, FlexJson = FlexTemplates.Product.Json },
            ]);
            var stored = new StoredMessage { BotId = m.BotId, ContentJson = content.ToJson(), CreatedAt = now };
            db.StoredMessages.Add(stored);
            db.ChatMessages.Add(new ChatMessage { BotId = m.BotId, MemberId = m.Id, Incoming = true, Text = "届いた商品の使い方を教えてください", SentAt = now.AddMinutes(-3) });
            await db.SaveChangesAsync();
            db.Deliveries.Add(new Delivery
            {
                BotId = m.BotId, MemberId = m.Id, Source = DeliverySource.Step, SourceId = 999_001, MessageId = stored.Id, RetryKey = Guid.NewGuid(),
                DueAt = now.AddHours(-2), SentAt = now.AddHours(-2), State = DeliveryState.Sent, CreatedAt = now,
            });
            await db.SaveChangesAsync();
        }

        var page = await browser.LoginAsync();
        await page.GotoAsync(browser.BaseUrl + "/chat");
        await BrowserApp.WaitInteractiveAsync(page);
        await page.Locator($"a[href='/chat/{member}']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=chat-in]").Last).ToContainTextAsync("届いた商品の使い方を教えてください", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=flex-button]").Last).ToHaveTextAsync("購入する");

        await page.Locator("#chat-reply").FillAsync("{name}様、お問い合わせありがとうございます。\n説明書の3ページをご覧ください。");
        await page.Locator("[data-testid=chat-send]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=chat-out] [data-testid=line-text]").Last).ToContainTextAsync("様、お問い合わせありがとうございます。", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=chat-state]").Last).ToHaveTextAsync("送信待ち");
        await page.ScreenshotAsync(new() { Path = BrowserApp.Shot("chat.png") });
    }
}
