using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ecai.Domain.Carts;
using Microsoft.Extensions.Logging;

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

    /// <summary>Signs in (or reuses the token) and reads one customer: proves the domain and the credentials.</summary>
    public async Task CheckAsync(CancellationToken ct)
    {
        var response = await _api.GetListAsync("customers", 1, 1, null, SortByUpdatedAt, "billing_address", ct);
        await ReadAsync(response, EcforceJsonContext.Default.CustomerListDocument, ct);
    }

    public IAsyncEnumerable<CartPage<CartCustomerRecord>> CustomersSinceAsync(string? cursor, CancellationToken ct) =>
        PullAsync("customers", cursor, async (page, since, token) =>
        {
            var response = await _api.GetListAsync("customers", page, _options.PageSize, since, SortByUpdatedAt, "billing_address", token);
            return EcforceMapper.MapCustomers(await ReadAsync(response, EcforceJsonContext.Default.CustomerListDocument, token));
        }, ct);

    public IAsyncEnumerable<CartPage<CartOrderRecord>> OrdersSinceAsync(string? cursor, CancellationToken ct) =>
        PullAsync("orders", cursor, async (page, since, token) =>
        {
            var response = await _api.GetListAsync("orders", page, _options.PageSize, since, SortByUpdatedAt, "order_items", token);
            return EcforceMapper.MapOrders(await ReadAsync(response, EcforceJsonContext.Default.OrderListDocument, token));
        }, ct);

    public IAsyncEnumerable<CartPage<CartSubscriptionRecord>> SubscriptionsSinceAsync(string? cursor, CancellationToken ct) =>
        PullAsync("subs_orders", cursor, async (page, since, token) =>
        {
            // The customer comes along: a sub_order row names it by customer_number [C3], resolved against included customers.
            var response = await _api.GetListAsync("subs_orders", page, _options.PageSize, since, SortByUpdatedAt, "order_items,customer", token);
            return EcforceMapper.MapSubscriptions(await ReadAsync(response, EcforceJsonContext.Default.SubOrderListDocument, token));
        }, ct);

    /// <summary>Fetches, reads and maps one page (runs concurrently with other pages).</summary>
    private delegate Task<EcforceMappedPage<T>> PageFetcher<T>(int page, string? updatedSince, CancellationToken ct);

    /// <summary>Deserializes a list response straight from the socket; any non-2xx left by the retries is an error.</summary>
    private static async Task<TDocument> ReadAsync<TDocument>(HttpResponseMessage response, JsonTypeInfo<TDocument> type, CancellationToken ct)
        where TDocument : class
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw EcforceErrors.Unexpected($"GET {response.RequestMessage?.RequestUri?.AbsolutePath}", response.StatusCode);
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                return await JsonSerializer.DeserializeAsync(body, type, ct)
                    ?? throw new HttpRequestException("ecforce answered with an empty body.", null, response.StatusCode);
            }
            catch (JsonException ex)
            {
                // 200 but not ecforce JSON: e.g. an HTML page from a proxy in front of the shop.
                throw new HttpRequestException($"ecforce {response.RequestMessage?.RequestUri?.AbsolutePath}: the response was not readable JSON.", ex, response.StatusCode);
            }
        }
    }

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
                    inFlight.Enqueue(fetch(nextPage++, updatedSince, pullCts.Token));
                if (!inFlight.TryDequeue(out var pending)) break;

                var page = await pending;
                if (page.MaxUpdatedAt is { } max && (newest is null || max > newest)) newest = max;
                if (page.RowCount < _options.PageSize) lastPageSeen = true;
                if (page.RowCount > 0)
                    yield return new CartPage<T>(page.Items, page.Skipped, newest is { } c ? EcforceTime.ToQuery(c) : updatedSince);
                if (lastPageSeen) break; // pages requested beyond the end are empty: the finally cancels them
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
}
