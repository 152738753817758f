using System.Globalization;
using System.Runtime.CompilerServices;
using Ecai.Domain.Carts;
using Microsoft.Extensions.Logging;

namespace Ecai.Integrations.Carts.Shared;

/// <summary>
/// One mapped page of a page-numbered list: the records, the rows that could not be read, how many
/// rows the cart sent, the newest updated-at seen (skipped rows included: they have been seen) and
/// whether the cart said this is the last page (null: it did not say, so a short page is the last).
/// </summary>
internal sealed record MappedPage<T>(List<T> Items, List<SkippedRecord> Skipped, int RowCount, DateTimeOffset? MaxUpdatedAt, bool? IsLast);

/// <summary>
/// The pull loop shared by the carts whose lists are "updated since X, page 1, 2, 3…" (リピスト,
/// サブスクストア). Up to <c>maxInFlight</c> pages are fetched and mapped ahead of the consumer and
/// yielded strictly in order; a pull stops at the page the cart marks last (when it does not say, at a
/// short or empty page; a cart that caps the page size below ours still says "more") or at <c>maxPages</c>, and the cursor lets the next pull continue.
/// <para>
/// The cursor is ours, not the cart's: the newest updated-at up to and including a page, as a UTC
/// ISO-8601 instant ("2026-01-31T09:15:00.0000000+00:00"). The next pull asks for rows updated at or
/// after it, so the boundary second is read twice, which is harmless because the caller upserts.
/// Offset paging can shift rows when one is updated mid-pull; an occasional full pull (cursor null) cures that.
/// </para>
/// </summary>
internal static class PagedPull
{
    /// <summary>Reads one page: page number (1-based), the updated-since instant (null: everything).</summary>
    public delegate Task<MappedPage<T>> PageFetcher<T>(int page, DateTimeOffset? updatedSince, CancellationToken ct);

    public static string ToCursor(DateTimeOffset instant) => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static bool TryReadCursor(string? cursor, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(cursor, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);

    public static async IAsyncEnumerable<CartPage<T>> RunAsync<T>(
        string what, string? cursor, int pageSize, int maxInFlight, int maxPages, PageFetcher<T> fetch, ILogger logger,
        [EnumeratorCancellation] CancellationToken ct)
    {
        DateTimeOffset? since = TryReadCursor(cursor, out var parsed) ? parsed : null;
        if (cursor is not null && since is null)
            logger.LogWarning("{What}: unreadable cursor '{Cursor}', pulling everything", what, cursor);
        var newest = since;

        using var pullCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var inFlight = new Queue<Task<MappedPage<T>>>();
        var nextPage = 1;
        var lastPageSeen = false;
        try
        {
            while (true)
            {
                while (!lastPageSeen && inFlight.Count < maxInFlight && nextPage <= maxPages)
                    inFlight.Enqueue(fetch(nextPage++, since, pullCts.Token));
                if (!inFlight.TryDequeue(out var pending)) break;

                var page = await pending;
                if (page.MaxUpdatedAt is { } max && (newest is null || max > newest)) newest = max;
                if (page.IsLast ?? page.RowCount < pageSize) lastPageSeen = true;
                if (page.RowCount == 0) lastPageSeen = true;
                else
                    yield return new CartPage<T>(page.Items, page.Skipped, newest is { } n ? ToCursor(n) : cursor);
                if (lastPageSeen) break; // pages asked for beyond the end are empty: the finally cancels them
            }
            if (nextPage > maxPages && !lastPageSeen)
                logger.LogWarning("{What}: stopped at the cap of {MaxPages} pages; the next pull continues from the cursor", what, maxPages);
        }
        finally
        {
            await pullCts.CancelAsync();
            foreach (var abandoned in inFlight)
            {
                try { await abandoned; }
                catch (Exception) { /* a page nobody will read; its failure does not matter */ }
            }
        }
    }
}
