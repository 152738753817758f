using Bunit;
using Ecai.Web.Components.Pages.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Web.Components;

public sealed class LoginTests : ComponentTest
{
    [Fact]
    public void Is_a_plain_form_posting_to_the_login_endpoint_with_antiforgery_and_the_return_url()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/account/login?returnUrl=%2Fjobs");

        var page = Render<Login>();

        var form = page.Find("form");
        Assert.Equal("/account/login", form.GetAttribute("action"));
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("input[name=email][type=email]"));
        Assert.NotNull(form.QuerySelector("input[name=password][type=password]"));
        Assert.Equal("/jobs", form.QuerySelector("input[name=returnUrl]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Contains("ログイン", form.QuerySelector("button[type=submit]")!.TextContent);
        Assert.Empty(page.FindAll("[data-testid=login-error]"));
        Assert.Empty(page.FindAll("[data-testid=demo-credentials]"));
    }

    [Theory]
    [InlineData("invalid", "メールアドレスまたはパスワードが正しくありません。")]
    [InlineData("locked", "一時的にロックされています")]
    public void Shows_why_the_last_attempt_failed(string error, string message)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/account/login?error={error}&returnUrl=%2F");

        var page = Render<Login>();

        Assert.Contains(message, page.Find("[data-testid=login-error]").TextContent);
    }

    [Fact]
    public void Shows_the_demo_operator_in_demo_mode()
    {
        Demo.Enabled = true;
        Demo.OperatorEmail = "demo@ecai.example";
        Demo.OperatorPassword = "Demo-2026!";

        var page = Render<Login>();

        var demo = page.Find("[data-testid=demo-credentials]").TextContent;
        Assert.Contains("demo@ecai.example", demo);
        Assert.Contains("Demo-2026!", demo);
    }
}
