using Bunit;
using Ecai.Domain.Forms;
using Ecai.Domain.Line;
using Ecai.Web.Components.Pages.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Web.Components;

public sealed class LineSettingsTests : ComponentTest
{
    private const string Secret = "0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task The_page_shows_the_webhook_url_and_explains_bad_input_in_japanese_without_saving()
    {
        var bot = await SignedInBotAsync();
        var page = Render<LineSettings>();

        Assert.Equal($"http://localhost/line/webhook/{bot}", page.WaitForElement("[data-testid=line-webhook-url]").TextContent.Trim());
        page.Find("#line-channel-id").Change("チャネル");
        page.Find("[data-testid=line-save]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            ["チャネルIDは数字で入力してください。", "チャネルシークレットを入力してください。", "チャネルアクセストークンを入力してください。"],
            page.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim())));
        Assert.Null(await Services.GetRequiredService<LineChannels>().ChannelSecretAsync(bot, CancellationToken.None));
    }

    [Fact]
    public async Task Saved_secrets_are_never_shown_back_and_blank_fields_keep_them()
    {
        var bot = await SignedInBotAsync();
        var page = Render<LineSettings>();
        page.WaitForElement("#line-channel-id").Change("1650000000");
        page.Find("#line-channel-secret").Change(Secret);
        page.Find("#line-access-token").Change("long-lived-token");
        page.Find("[data-testid=line-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("保存済みです", page.Markup));

        var again = Render<LineSettings>();
        again.WaitForElement("#line-liff-id").Change("1650000000-AbCdEfGh");
        again.Find("[data-testid=line-save]").Click();

        again.WaitForAssertion(() => Assert.Equal("1650000000", again.Find("#line-channel-id").GetAttribute("value")));
        Assert.DoesNotContain(Secret, again.Markup);
        Assert.DoesNotContain("long-lived-token", again.Markup);
        Assert.Equal(Secret, await Services.GetRequiredService<LineChannels>().ChannelSecretAsync(bot, CancellationToken.None));
        Assert.Equal("1650000000-AbCdEfGh", (await Services.GetRequiredService<LineChannels>().ViewAsync(bot, CancellationToken.None))!.LiffId);
    }

    [Fact]
    public async Task Both_forms_save_one_after_the_other_but_a_change_made_elsewhere_meanwhile_is_refused_with_a_japanese_message_and_the_fresh_values()
    {
        var bot = await SignedInBotAsync();
        var page = Render<LineSettings>();
        page.WaitForElement("#line-channel-id").Change("1650000000");
        page.Find("#line-channel-secret").Change(Secret);
        page.Find("#line-access-token").Change("long-lived-token");
        page.Find("[data-testid=line-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("保存済みです", page.Markup));

        page.WaitForElement("[data-testid=identity-form-settings][data-loaded]"); // its own settings read (later on PostgreSQL)
        page.Find("#identity-form-message").Change("確認中です。少々お待ちください。"); // the page's own save above is no change "elsewhere"
        page.Find("[data-testid=identity-form-save]").Click();
        page.WaitForAssertion(() =>
        {
            using var db = Db.CreateDbContext();
            Assert.Equal("確認中です。少々お待ちください。", db.Bots.AsNoTracking().Single().IdentityFormDoneMessage);
        });
        Assert.Empty(page.FindAll("[data-testid=identity-form-stale]"));

        var forms = Services.GetRequiredService<IdentityForms>(); // another operator saves the identity form's settings meanwhile
        var elsewhere = await forms.SettingsAsync(bot, CancellationToken.None);
        Assert.True((await forms.SaveSettingsAsync(bot, new IdentityFormSettings(["本人確認済"], "別の担当者の文章"), elsewhere.Version, CancellationToken.None)).Succeeded);
        page.Find("#line-liff-id").Change("1650000000-AbCdEfGh");
        page.Find("[data-testid=line-save]").Click();

        page.WaitForAssertion(() => Assert.Equal("LINE設定は他の操作で更新されました。最新の内容を表示しています。もう一度編集してください。",
            page.Find("[data-testid=line-stale]").TextContent.Trim()));
        Assert.Equal("別の担当者の文章", page.Find("#identity-form-message").GetAttribute("value"));
        Assert.Equal("本人確認済", page.Find("#identity-form-tags").GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.Find("#line-liff-id").GetAttribute("value")));
        Assert.Null((await Services.GetRequiredService<LineChannels>().ViewAsync(bot, CancellationToken.None))!.LiffId);

        page.Find("#line-liff-id").Change("1650000000-AbCdEfGh"); // entered again on the fresh page: saved
        page.Find("[data-testid=line-save]").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=line-stale]")));
        Assert.Equal("1650000000-AbCdEfGh", (await Services.GetRequiredService<LineChannels>().ViewAsync(bot, CancellationToken.None))!.LiffId);
        await using (var db = Db.CreateDbContext())
            Assert.Equal("別の担当者の文章", (await db.Bots.SingleAsync()).IdentityFormDoneMessage);
    }
}
