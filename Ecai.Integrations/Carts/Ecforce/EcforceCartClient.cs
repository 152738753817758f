using System.Runtime.CompilerServices;
using Ecai.Domain.Carts;
using Microsoft.Extensions.Logging;
using Refit;

namespace Ecai.Integrations.Carts.Ecforce;

/// <summary>
/// Pulls customers, orders and subscription orders changed since a cursor, page by page.
/// <para>
/// Paging: <c>q[updated_at_gteq]=cursor</c>, <c>sort=updated_at</c>, <c>per=100</c>, pages 1, 2, 3…
/// until a page comes back short (meta.total_pages is not trusted [C3]) or the page cap is hit.
/// Up to <see cref="EcforceOptions.MaxPagesInFlight"/> pages are fetched and mapped ahead of the
/// consumer, and yielded strictly in order; nothing else is buffered.
/// </para>
/// <para>
/// Cursor: the JST wall clock ("YYYY-MM-DD HH:MM:SS") of the newest updated_at up to and including
/// a page. The caller stores it after committing that page; the next pull re-reads that second,
/// which is harmless because the caller upserts. ecforce offers only offset paging [C3]: a record
/// updated while a pull runs can shift the rows behind it by one, so an occasional full pull
/// (cursor null) is the cure for a row missed that way.
/// </para>
/// </summary>
public sealed class EcforceCartClient : ICartClient
{
    private const string SortByUpdatedAt = "updated_at";

    private readonly IEcforceApi _api;
    private readonly EcforceOptions _options;
    private readonly ILogger _logger;

    internal EcforceCartClient(IEcforceApi api, EcforceOptions options, ILogger logger)
    {
        _api = api;
        _options = options;
        _logger = logger;
    }

    public IAsyncEnumerable<CartPage<CartCustomerRecord>> CustomersSinceAsync(string? cursor, CancellationToken ct) =>
        PullAsync("customers", cursor, async (page, since, token) => EcforceMapper.MapCustomers(
            await _api.GetCustomersAsync(page, _options.PageSize, since, SortByUpdatedAt, "billing_address", token)), ct);

    public IAsyncEnumerable<CartPage<CartOrderRecord>> OrdersSinceAsync(string? cursor, CancellationToken ct) =>
        PullAsync("orders", cursor, async (page, since, token) => EcforceMapper.MapOrders(
            await _api.GetOrdersAsync(page, _options.PageSize, since, SortByUpdatedAt, "order_items", token)), ct);

    public IAsyncEnumerable<CartPage<CartSubscriptionRecord>> SubscriptionsSinceAsync(string? cursor, CancellationToken ct) =>
        PullAsync("subs_orders", cursor, async (page, since, token) => EcforceMapper.MapSubscriptions(
            await _api.GetSubsOrdersAsync(page, _options.PageSize, since, SortByUpdatedAt, "order_items", token)), ct);

    private delegate Task<EcforceMappedPage<T>> PageFetcher<T>(int page, string? updatedSince, CancellationToken ct);

    private async IAsyncEnumerable<CartPage<T>> PullAsync<T>(string resource, string? cursor, PageFetcher<T> fetch,
        [EnumeratorCancellation] CancellationToken ct)
    {
        DateTimeOffset? newest = EcforceTime.TryParse(cursor, out var since) ? since : null;
        if (cursor is not null && newest is null)
            _logger.LogWarning("ecforce {Resource}: unreadable cursor '{Cursor}', pulling everything", resource, cursor);
        var updatedSince = newest is { } n ? EcforceTime.ToQuery(n) : null;

        using var pullCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var inFlight = new Queue<Task<EcforceMappedPage<T>>>();
        var nextPage = 1;
        var lastPageSeen = false;
        try
        {
            while (true)
            {
                while (!lastPageSeen && inFlight.Count < _options.MaxPagesInFlight && nextPage <= _options.MaxPages)
                    inFlight.Enqueue(FetchAsync(resource, nextPage++, updatedSince, fetch, pullCts.Token));
                if (!inFlight.TryDequeue(out var pending)) break;

                var page = await pending;
                if (page.MaxUpdatedAt is { } max && (newest is null || max > newest)) newest = max;
                if (page.RowCount < _options.PageSize) lastPageSeen = true;
                if (page.RowCount > 0)
                    yield return new CartPage<T>(page.Items, page.Skipped, newest is { } c ? EcforceTime.ToQuery(c) : updatedSince);
                if (lastPageSeen)
                {
                    // Pages requested beyond the end are empty; stop waiting for them.
                    break;
                }
            }
            if (nextPage > _options.MaxPages && !lastPageSeen)
                _logger.LogWarning("ecforce {Resource}: stopped at the cap of {MaxPages} pages; the next pull continues from the cursor", resource, _options.MaxPages);
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

    /// <summary>One page, with Refit's exceptions turned into plain ones (Refit types stay inside Integrations).</summary>
    private static async Task<EcforceMappedPage<T>> FetchAsync<T>(string resource, int page, string? updatedSince, PageFetcher<T> fetch, CancellationToken ct)
    {
        try
        {
            return await fetch(page, updatedSince, ct);
        }
        catch (ApiException ex) when ((int)ex.StatusCode is >= 200 and <= 299)
        {
            // 200 but not ecforce JSON: e.g. an HTML page from a proxy in front of the shop.
            throw new HttpRequestException($"ecforce GET {resource} page {page}: the response was not readable JSON.", ex.InnerException, ex.StatusCode);
        }
        catch (ApiException ex)
        {
            throw EcforceErrors.Unexpected($"GET {resource} page {page}", ex.StatusCode);
        }
    }
}
