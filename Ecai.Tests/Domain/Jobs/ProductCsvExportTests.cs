using System.Text;
using Ecai.Domain.Carts;
using Ecai.Domain.Jobs;
using Ecai.Domain.Operators;
using Ecai.Tests.Support;
using ICSharpCode.SharpZipLib.Zip;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecai.Tests.Domain.Jobs;

public sealed class ProductCsvExportTests : IAsyncLifetime
{
    private const string Password = "Login-Pass-2026";
    private DomainFixture _fx = default!;
    private JobFiles _files = default!;
    private ProductCsvExport _export = default!;
    private readonly string _folder = Directory.CreateTempSubdirectory("ecai-job-files-").FullName;

    public async Task InitializeAsync()
    {
        _fx = await DomainFixture.CreateAsync();
        _files = new JobFiles(_fx.Db, _fx.Runs, new BotAccess(_fx.Db), Options.Create(new JobFileOptions { Folder = _folder }), _fx.Clock);
        _export = new ProductCsvExport(_fx.Db, _files, _fx.Clock);
    }

    public async Task DisposeAsync()
    {
        await _fx.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_zip_opens_with_the_password_and_holds_a_BOM_a_Japanese_header_and_every_product_in_code_order()
    {
        var (bot, connection) = await ConnectedBotAsync();
        await AddProductsAsync(connection,
            new CartProduct { Code = "P-002", Name = "サプリ, お試し \"初回\"", CourseName = "定期便コース" },
            new CartProduct { Code = "P-001", Name = "美容液", CourseName = null },
            new CartProduct { Code = "P-003", Name = "=HYPERLINK(\"http://evil\")", CourseName = "単品" });

        var run = await ExportAsync(bot, connection, "op-1");

        var bytes = ReadEntry(Path.Combine(_folder, $"{run.Id}.zip"), Password, out var entryName);
        Assert.Equal("products-ecforce-20261128.csv", entryName);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal(
        [
            "商品コード,商品名,コース名",
            "P-001,美容液,",
            "P-002,\"サプリ, お試し \"\"初回\"\"\",定期便コース",
            // A name that Excel would run as a formula is written as text.
            "P-003,\"'=HYPERLINK(\"\"http://evil\"\")\",単品",
            "",
        ], lines);
    }

    [Fact]
    public async Task A_wrong_password_cannot_read_the_csv()
    {
        var (bot, connection) = await ConnectedBotAsync();
        await AddProductsAsync(connection, new CartProduct { Code = "P-001", Name = "美容液" });
        var run = await ExportAsync(bot, connection, "op-1");
        var path = Path.Combine(_folder, $"{run.Id}.zip");

        Assert.Throws<ZipException>(() => ReadEntry(path, "wrong-password", out _));
        Assert.Throws<ZipException>(() => ReadEntry(path, null, out _));
        Assert.Contains("美容液", Encoding.UTF8.GetString(ReadEntry(path, Password, out _)));
    }

    [Fact]
    public async Task The_run_belongs_to_the_operator_and_records_the_file_its_name_and_a_7_day_expiry()
    {
        var (bot, connection) = await ConnectedBotAsync();
        await AddProductsAsync(connection, new CartProduct { Code = "A", Name = "a" }, new CartProduct { Code = "B", Name = "b" });

        var run = await ExportAsync(bot, connection, "op-1");

        Assert.Equal(JobState.Succeeded, run.State);
        Assert.Equal(("product-csv", "ecforce 商品CSV", "op-1"), (run.Kind, run.Title, run.OperatorId));
        Assert.Equal("products-ecforce-20261128.zip", run.FileName);
        Assert.Equal($"{run.Id}.zip", run.FilePath);
        Assert.Equal(_fx.Clock.GetUtcNow().AddDays(7), run.FileExpiresAt);
        Assert.Equal((2, 2), (run.Done, run.Total));
        Assert.Contains(_fx.Live.Events.OfType<Ecai.Domain.Realtime.JobProgressChanged>(),
            e => e.JobRunId == run.Id && e.Total == 2 && e.Stage == "商品CSVを作成中");
    }

    [Fact]
    public async Task A_cart_without_stored_products_exports_the_distinct_products_of_its_order_lines()
    {
        var (bot, connection) = await ConnectedBotAsync();
        await using (var db = _fx.Db.CreateDbContext())
        {
            db.CartOrders.AddRange(
                new CartOrder { ConnectionId = connection, ExternalId = "o1", CustomerExternalId = "c1", OrderedAt = _fx.Clock.GetUtcNow(), UpdatedAt = _fx.Clock.GetUtcNow() },
                new CartOrder { ConnectionId = connection, ExternalId = "o2", CustomerExternalId = "c1", OrderedAt = _fx.Clock.GetUtcNow(), UpdatedAt = _fx.Clock.GetUtcNow() });
            db.CartOrderItems.AddRange(
                new CartOrderItem { ConnectionId = connection, OrderExternalId = "o1", LineNo = 1, ProductCode = "X-1", ProductName = "化粧水", CourseName = "定期" },
                new CartOrderItem { ConnectionId = connection, OrderExternalId = "o2", LineNo = 1, ProductCode = "X-1", ProductName = "化粧水", CourseName = "定期" },
                new CartOrderItem { ConnectionId = connection, OrderExternalId = "o2", LineNo = 2, ProductCode = "X-0", ProductName = "乳液" });
            await db.SaveChangesAsync();
        }

        var run = await ExportAsync(bot, connection, "op-1");

        var text = Encoding.UTF8.GetString(ReadEntry(Path.Combine(_folder, $"{run.Id}.zip"), Password, out _));
        Assert.Equal(["\uFEFF商品コード,商品名,コース名", "X-0,乳液,", "X-1,化粧水,定期", ""], text.Split("\r\n"));
    }

    [Fact]
    public async Task Only_the_operator_who_asked_finds_the_file_and_it_is_gone_after_7_days()
    {
        var (bot, connection) = await ConnectedBotAsync();
        await AddProductsAsync(connection, new CartProduct { Code = "A", Name = "a" });
        var run = await ExportAsync(bot, connection, "op-1");

        var mine = await _files.FindAsync(run.Id, "op-1", CancellationToken.None);
        Assert.Equal(JobFileStatus.Ready, mine.Status);
        Assert.Equal("products-ecforce-20261128.zip", mine.FileName);
        Assert.Equal(JobFileStatus.NotFound, (await _files.FindAsync(run.Id, "op-2", CancellationToken.None)).Status);
        Assert.Equal(JobFileStatus.NotFound, (await _files.FindAsync(run.Id + 1, "op-1", CancellationToken.None)).Status);

        _fx.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await _files.DeleteExpiredAsync(CancellationToken.None));
        Assert.True(File.Exists(mine.FullPath));

        _fx.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(JobFileStatus.Expired, (await _files.FindAsync(run.Id, "op-1", CancellationToken.None)).Status);
        Assert.Equal(1, await _files.DeleteExpiredAsync(CancellationToken.None));

        Assert.False(File.Exists(mine.FullPath));
        var after = await RunAsync(run.Id);
        Assert.Null(after.FilePath);
        Assert.Equal("products-ecforce-20261128.zip", after.FileName);
        Assert.True(JobFiles.IsExpired(after, _fx.Clock.GetUtcNow()));
        Assert.Equal(JobFileStatus.Expired, (await _files.FindAsync(run.Id, "op-1", CancellationToken.None)).Status);
        Assert.Equal(0, await _files.DeleteExpiredAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_operator_who_lost_access_to_the_bot_no_longer_finds_their_file()
    {
        var (bot, connection) = await ConnectedBotAsync();
        var run = await ExportAsync(bot, connection, "op-1");
        await using (var db = _fx.Db.CreateDbContext())
            await db.OperatorBots.Where(g => g.OperatorId == "op-1").ExecuteDeleteAsync();

        Assert.Equal(JobFileStatus.NotFound, (await _files.FindAsync(run.Id, "op-1", CancellationToken.None)).Status);
    }

    [Fact]
    public async Task The_job_list_holds_the_bots_pulls_and_the_operators_own_exports_but_not_another_operators()
    {
        var (bot, connection) = await ConnectedBotAsync();
        var pull = await _fx.Runs.StartAsync(bot, "cart-pull", "カート取込", CancellationToken.None);
        await pull.CompleteAsync();
        var mine = await ExportAsync(bot, connection, "op-1");
        var theirs = await ExportAsync(bot, connection, "op-2");

        var runs = await _files.RecentAsync(bot, "op-1", 50, CancellationToken.None);

        Assert.Equal([mine.Id, pull.JobRunId], runs.Select(r => r.Id));
        Assert.DoesNotContain(runs, r => r.Id == theirs.Id);
    }

    private async Task<(int Bot, int Connection)> ConnectedBotAsync()
    {
        var bot = await _fx.AddBotAsync();
        var connection = await _fx.ConnectAsync(bot);
        var access = new BotAccess(_fx.Db);
        await AddOperatorAsync("op-1", bot, access);
        await AddOperatorAsync("op-2", bot, access);
        return (bot, connection);
    }

    private async Task AddOperatorAsync(string id, int bot, BotAccess access)
    {
        await using (var db = _fx.Db.CreateDbContext())
        {
            if (!await db.Users.AnyAsync(u => u.Id == id))
            {
                db.Users.Add(new Operator { Id = id, UserName = $"{id}@example.jp", Email = $"{id}@example.jp" });
                await db.SaveChangesAsync();
            }
        }
        await access.GrantAsync(id, bot, CancellationToken.None);
    }

    private async Task AddProductsAsync(int connection, params CartProduct[] products)
    {
        await using var db = _fx.Db.CreateDbContext();
        foreach (var p in products) p.ConnectionId = connection;
        db.CartProducts.AddRange(products);
        await db.SaveChangesAsync();
    }

    /// <summary>Runs the export as the queued job does: open the run, write, complete.</summary>
    private async Task<JobRun> ExportAsync(int bot, int connection, string operatorId)
    {
        var scope = await _files.StartAsync(bot, ProductCsvExport.Kind, ProductCsvExport.TitleFor(CartKind.Ecforce), operatorId, CancellationToken.None);
        await _export.WriteAsync(new ProductCsvRequest(scope, connection, Password), CancellationToken.None);
        await scope.CompleteAsync();
        return await RunAsync(scope.JobRunId);
    }

    private async Task<JobRun> RunAsync(long id)
    {
        await using var db = _fx.Db.CreateDbContext();
        return await db.JobRuns.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    /// <summary>Reads the single entry of the zip with SharpZipLib's ZipFile and the password.</summary>
    private static byte[] ReadEntry(string path, string? password, out string entryName)
    {
        using var zip = new ZipFile(path) { Password = password };
        var entry = Assert.Single(zip.Cast<ZipEntry>());
        Assert.True(entry.IsCrypted);
        Assert.Equal(256, entry.AESKeySize);
        entryName = entry.Name;
        using var stream = zip.GetInputStream(entry);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
