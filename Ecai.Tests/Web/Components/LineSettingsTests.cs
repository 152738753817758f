using Bunit;
using Ecai.Domain.Line;
using Ecai.Web.Components.Pages.Settings;
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
}
