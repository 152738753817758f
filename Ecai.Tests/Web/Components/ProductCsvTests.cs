using Bunit;
using Ecai.Domain.Data;
using Ecai.Domain.Jobs;
using Ecai.Domain.Operators;
using Ecai.Web.Components.Pages.Integrations;
using Ecai.Web.Components.Pages.Jobs;
using Ecai.Web.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Ecai.Tests.Web.Components;

/// <summary>商品CSVをダウンロード on the cart card, and the file it leaves in ジョブリスト.</summary>
public sealed class ProductCsvTests : ComponentTest
{
    private const string Password = "Login-Pass-2026";

    protected override void AddServices(IServiceCollection services)
    {
        services.AddIdentityCore<Operator>().AddEntityFrameworkStores<EcaiDb>();
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<EcaiDb>>().CreateDbContext());
        services.AddScoped<ProductCsvExports>();
    }

    [Fact]
    public async Task A_wrong_password_shows_the_Japanese_error_in_the_dialog_and_starts_nothing_the_right_one_starts_the_job()
    {
        var bot = await SignedInOperatorWithPasswordAsync();
        await Seed.ConnectionAsync(bot);
        var page = Render(b =>
        {
            b.OpenComponent<MudDialogProvider>(0);
            b.CloseComponent();
            b.OpenComponent<IntegrationsPage>(1);
            b.CloseComponent();
        });

        page.WaitForElement("[data-testid=cart-card][data-kind=Ecforce] [data-testid=product-csv]").Click();
        var dialog = page.WaitForElement(".mud-dialog");
        Assert.Contains("ecforce 商品CSVをダウンロード", dialog.TextContent);
        Assert.Contains("ECAIログインパスワード", dialog.TextContent);
        Assert.Equal("password", page.Find("#product-csv-password").GetAttribute("type"));

        page.Find("#product-csv-password").Input("not-my-password");
        page.Find("[data-testid=product-csv-start]").Click();

        page.WaitForAssertion(() => Assert.Contains("パスワードが正しくありません。", page.Find(".mud-dialog").TextContent));
        Assert.Empty(await RunsAsync());

        page.Find("#product-csv-password").Input(Password);
        page.Find("[data-testid=product-csv-start]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        var run = Assert.Single(await RunsAsync());
        Assert.Equal(("product-csv", "ecforce 商品CSV", "op-csv", JobState.Running), (run.Kind, run.Title, run.OperatorId, run.State));
    }

    [Fact]
    public async Task An_empty_password_asks_for_it_without_checking()
    {
        var bot = await SignedInOperatorWithPasswordAsync();
        await Seed.ConnectionAsync(bot);
        var page = Render(b =>
        {
            b.OpenComponent<MudDialogProvider>(0);
            b.CloseComponent();
            b.OpenComponent<IntegrationsPage>(1);
            b.CloseComponent();
        });
        page.WaitForElement("[data-testid=product-csv]").Click();
        page.WaitForElement(".mud-dialog");

        page.Find("[data-testid=product-csv-start]").Click();

        page.WaitForAssertion(() => Assert.Contains("ログインパスワードを入力してください。", page.Find(".mud-dialog").TextContent));
        Assert.Empty(await RunsAsync());
    }

    [Fact]
    public async Task The_job_list_offers_the_operators_file_until_it_expires_and_hides_other_operators_exports()
    {
        var bot = await SignedInBotAsync();
        await Seed.OperatorAsync("op-2", "別の担当");
        await using (var db = Db.CreateDbContext())
        {
            db.JobRuns.AddRange(
                Export(bot, "op-1", "products-ecforce-20261120.zip", Now.AddDays(-8), filePath: null),
                Export(bot, "op-1", "products-ecforce-20261125.zip", Now.AddDays(-1), filePath: "2.zip"),
                Export(bot, "op-2", "products-ecforce-20261126.zip", Now, filePath: "3.zip"),
                new JobRun { BotId = bot, Kind = "cart-pull", Title = "カート取込", State = JobState.Succeeded, StartedAt = Now });
            await db.SaveChangesAsync();
        }

        var page = Render<JobList>();

        var rows = page.WaitForElements("[data-testid=job-row]");
        Assert.Equal(3, rows.Count);
        Assert.Contains("カート取込", rows[0].TextContent);
        Assert.Empty(rows[0].QuerySelectorAll("[data-testid=job-download], [data-testid=job-expired]"));

        var fresh = rows[1];
        var link = fresh.QuerySelector("a[data-testid=job-download]")!;
        Assert.Equal($"/jobs/{fresh.GetAttribute("data-job")}/download", link.GetAttribute("href"));
        Assert.Equal("products-ecforce-20261125.zip", link.GetAttribute("download"));
        Assert.Contains("ダウンロード", link.TextContent);
        Assert.Contains("2026/12/02 18:00 まで", fresh.TextContent); // 7 days after it was made, Japan time

        var old = rows[2];
        Assert.Contains("期限切れ", old.QuerySelector("[data-testid=job-expired]")!.TextContent);
        Assert.Null(old.QuerySelector("[data-testid=job-download]"));
        Assert.DoesNotContain("20261126", page.Markup);
    }

    private JobRun Export(int bot, string operatorId, string fileName, DateTimeOffset madeAt, string? filePath) => new()
    {
        BotId = bot, Kind = ProductCsvExport.Kind, Title = "ecforce 商品CSV", State = JobState.Succeeded,
        StartedAt = madeAt, EndedAt = madeAt, OperatorId = operatorId,
        FileName = fileName, FilePath = filePath, FileExpiresAt = madeAt + JobFiles.Lifetime,
    };

    private async Task<int> SignedInOperatorWithPasswordAsync()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Operator>>();
            var created = await users.CreateAsync(new Operator { Id = "op-csv", UserName = "csv@example.jp", Email = "csv@example.jp" }, Password);
            Assert.True(created.Succeeded);
        }
        var bot = await Seed.BotAsync("テストショップ");
        await Seed.GrantAsync("op-csv", bot);
        SignIn("op-csv");
        return bot;
    }

    private async Task<List<JobRun>> RunsAsync()
    {
        await using var db = Db.CreateDbContext();
        return await db.JobRuns.AsNoTracking().ToListAsync();
    }
}
