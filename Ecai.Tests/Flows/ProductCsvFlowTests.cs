using System.Net;
using Ecai.Domain.Bots;
using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Ecai.Domain.Jobs;
using Ecai.Domain.Operators;
using Ecai.Tests.Support;
using Ecai.Web.Jobs;
using ICSharpCode.SharpZipLib.Zip;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Flows;

/// <summary>カート側商品CSV through the host: password check, the queued job, the owner-only download, expiry.</summary>
public sealed class ProductCsvFlowTests : IAsyncLifetime
{
    private const string OwnerPassword = "Owner-Pass-2026";
    private const string OtherPassword = "Other-Pass-2026";
    private readonly EcaiAppFactory _factory = new();
    private WebApplicationFactory<Program> _app = default!;
    private int _bot;
    private int _connection;
    private string _owner = "";

    public async Task InitializeAsync()
    {
        var folder = Path.Combine(_factory.DataDirectory, "job-files");
        _app = _factory.WithWebHostBuilder(b => b.UseSetting("Ecai:JobFiles", folder));
        var dbs = _app.Services.GetRequiredService<IDbContextFactory<EcaiDb>>();
        await using var db = await dbs.CreateDbContextAsync();
        var bot = new Bot { Name = "テストショップ", CreatedAt = DateTimeOffset.UtcNow };
        db.Bots.Add(bot);
        await db.SaveChangesAsync();
        var connection = new CartConnection
        {
            BotId = bot.Id, Kind = CartKind.Ecforce, CartDomain = "shop.example.jp", ApiBaseUrl = "https://api.shop.example.jp",
            ProtectedSecrets = "not-a-real-secret", State = ConnectionState.Connected, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.CartConnections.Add(connection);
        await db.SaveChangesAsync();
        db.CartProducts.AddRange(
            new CartProduct { ConnectionId = connection.Id, Code = "EC-001", Name = "美容液", CourseName = "定期便" },
            new CartProduct { ConnectionId = connection.Id, Code = "EC-002", Name = "化粧水" });
        await db.SaveChangesAsync();
        (_bot, _connection) = (bot.Id, connection.Id);
        _owner = await AddOperatorAsync("owner@example.jp", OwnerPassword);
        await AddOperatorAsync("other@example.jp", OtherPassword);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_wrong_login_password_is_refused_and_starts_no_job()
    {
        var start = await StartAsync(_owner, "not-my-password");

        Assert.False(start.Started);
        Assert.Equal(ProductCsvRefusal.WrongPassword, start.Refusal);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<EcaiDb>>().CreateDbContextAsync();
        Assert.False(await db.JobRuns.AnyAsync());
    }

    [Fact]
    public async Task The_owner_downloads_the_zip_another_operator_gets_404_and_after_expiry_410()
    {
        var start = await StartAsync(_owner, OwnerPassword);
        Assert.True(start.Started);
        var runId = start.JobRunId!.Value;
        var run = await Eventually.ValueAsync(async () => await RunAsync(runId) is { State: not JobState.Running } r ? r : null, TimeSpan.FromSeconds(15));
        Assert.Equal(JobState.Succeeded, run.State);

        var owner = await LoginAsync("owner@example.jp", OwnerPassword);
        var response = await owner.GetAsync($"/jobs/{runId}/download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(run.FileName, response.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith("products-ecforce-", run.FileName);
        var csv = ReadCsv(await response.Content.ReadAsByteArrayAsync(), OwnerPassword);
        Assert.Equal(["\uFEFF商品コード,商品名,コース名", "EC-001,美容液,定期便", "EC-002,化粧水,", ""], csv.Split("\r\n"));

        var other = await LoginAsync("other@example.jp", OtherPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/jobs/{runId}/download")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/jobs/{runId + 100}/download")).StatusCode);
        var anonymous = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await anonymous.GetAsync($"/jobs/{runId}/download");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/account/login", login.Headers.Location!.AbsolutePath);

        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<EcaiDb>>().CreateDbContextAsync())
            await db.JobRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.FileExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        var expired = await owner.GetAsync($"/jobs/{runId}/download");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("保存期間（7日間）を過ぎたため削除されました", await expired.Content.ReadAsStringAsync());

        var path = Path.Combine(_factory.DataDirectory, "job-files", $"{runId}.zip");
        Assert.True(File.Exists(path));
        using (var scope = _app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DeleteExpiredJobFilesJob>().Invoke();
        Assert.False(File.Exists(path));
        Assert.Null((await RunAsync(runId))!.FilePath);
        Assert.Equal(HttpStatusCode.Gone, (await owner.GetAsync($"/jobs/{runId}/download")).StatusCode);
    }

    private async Task<ProductCsvStart> StartAsync(string operatorId, string password)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProductCsvExports>()
            .StartAsync(_bot, _connection, operatorId, password, CancellationToken.None);
    }

    private async Task<string> AddOperatorAsync(string email, string password)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Operator>>();
        var op = new Operator { UserName = email, Email = email, DisplayName = email };
        var created = await users.CreateAsync(op, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await _app.Services.GetRequiredService<BotAccess>().GrantAsync(op.Id, _bot, CancellationToken.None);
        return op.Id;
    }

    private async Task<HttpClient> LoginAsync(string email, string password)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostLoginAsync(email, password);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return client;
    }

    private async Task<JobRun?> RunAsync(long id)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<EcaiDb>>().CreateDbContextAsync();
        return await db.JobRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
    }

    private static string ReadCsv(byte[] zipBytes, string password)
    {
        using var zip = new ZipFile(new MemoryStream(zipBytes)) { Password = password };
        var entry = Assert.Single(zip.Cast<ZipEntry>());
        using var reader = new StreamReader(zip.GetInputStream(entry), new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
        return reader.ReadToEnd();
    }
}
