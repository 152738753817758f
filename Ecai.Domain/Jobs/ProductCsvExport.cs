using System.Globalization;
using CsvHelper;
using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Ecai.Domain.Time;
using ICSharpCode.SharpZipLib.Zip;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Jobs;

/// <summary>What an operator asked to export: the connection and the password the zip is locked with (memory only).</summary>
public sealed class ProductCsvRequest(JobRunScope run, int connectionId, string password)
{
    public JobRunScope Run { get; } = run;
    public int ConnectionId { get; } = connectionId;
    public string Password { get; } = password;

    /// <summary>Never shows the password (a payload can end up in a log line).</summary>
    public override string ToString() => $"ProductCsvRequest {{ Run = {Run.JobRunId}, ConnectionId = {ConnectionId} }}";
}

/// <summary>
/// カート側商品CSV: the cart's products and courses as a UTF-8 (BOM) CSV, streamed into a zip entry encrypted with
/// AES-256 under the requesting operator's login password, written to the job-files folder and attached to the run.
/// </summary>
public sealed class ProductCsvExport(IDbContextFactory<EcaiDb> dbs, JobFiles files, TimeProvider clock)
{
    public const string Kind = "product-csv";
    public static readonly string[] Header = ["商品コード", "商品名", "コース名"];
    private static readonly CsvWriterOptions CsvOptions = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    /// <summary>「ecforce 商品CSV」.</summary>
    public static string TitleFor(CartKind kind) => $"{CartNames.Of(kind)} 商品CSV";

    /// <summary>The file name offered for download, e.g. <c>products-ecforce-20261128.zip</c> (Japan date).</summary>
    public static string FileNameFor(CartKind kind, DateTimeOffset now) =>
        $"products-{kind.ToString().ToLowerInvariant()}-{JapanTime.ToJst(now):yyyyMMdd}.zip";

    /// <summary>Writes the zip for the request and records it on the run; a failed write leaves no file behind.</summary>
    public async Task WriteAsync(ProductCsvRequest request, CancellationToken ct)
    {
        var run = request.Run;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var kind = await db.CartConnections.Where(c => c.Id == request.ConnectionId).Select(c => c.Kind).SingleAsync(ct);

        // The products each import stores (CartImportWriter upserts them from the order lines it writes). Should a
        // connection have none, the distinct lines of its orders stand in, so the export is never emptier than the orders.
        IQueryable<ProductRow> rows = db.CartProducts.Where(p => p.ConnectionId == request.ConnectionId)
            .OrderBy(p => p.Code).Select(p => new ProductRow(p.Code, p.Name, p.CourseName));
        var total = await rows.LongCountAsync(ct);
        if (total == 0)
        {
            rows = db.CartOrderItems.Where(i => i.ConnectionId == request.ConnectionId)
                .GroupBy(i => i.ProductCode)
                .Select(g => new { Code = g.Key, Name = g.Max(i => i.ProductName), CourseName = g.Max(i => i.CourseName) })
                .OrderBy(p => p.Code)
                .Select(p => new ProductRow(p.Code, p.Name ?? "", p.CourseName));
            total = await rows.LongCountAsync(ct);
        }
        run.Report(0, total, "商品CSVを作成中");

        Directory.CreateDirectory(files.Folder);
        var path = files.PathFor(run.JobRunId, "zip");
        var fileName = FileNameFor(kind, clock.GetUtcNow());
        try
        {
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            using (var zip = new ZipOutputStream(file) { IsStreamOwner = false })
            {
                zip.SetLevel(6);
                zip.Password = request.Password;
                zip.PutNextEntry(new ZipEntry(Path.ChangeExtension(fileName, ".csv")) { AESKeySize = 256, DateTime = JapanTime.ToJst(clock.GetUtcNow()).DateTime });
                // UTF-8 with a BOM so Japanese Excel opens it; names that start like a formula are written as text.
                await using (var csv = CsvWriter.Create(zip, CsvOptions, leaveOpen: true))
                {
                    csv.WriteHeader(Header);
                    long done = 0;
                    await foreach (var row in rows.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
                    {
                        await csv.WriteRecordAsync([row.Code, row.Name, row.CourseName ?? ""], ct);
                        run.Report(++done, total, "商品CSVを作成中");
                    }
                    await csv.FlushAsync(ct);
                }
                zip.CloseEntry();
                zip.Finish();
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        await files.AttachAsync(run.JobRunId, fileName, path, CancellationToken.None);
        run.Report(total, total, null);
    }

    private sealed record ProductRow(string Code, string Name, string? CourseName);
}
