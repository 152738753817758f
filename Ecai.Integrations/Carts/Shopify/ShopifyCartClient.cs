using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Ecai.Domain.Carts;
using Microsoft.Extensions.Logging;

namespace Ecai.Integrations.Carts.Shopify;

/// <summary>
/// Pulls customers, orders and abandoned checkouts changed since a cursor, page by page.
/// <para>
/// Paging: the first request filters (<c>updated_at_min</c>, <c>status=any</c> for orders,
/// <c>order=updated_at asc</c>, <c>limit</c> ≤ 250); later pages follow the <c>Link: &lt;…page_info=…&gt;; rel="next"</c>
/// header with the page_info reused verbatim [C]. The next page is requested as soon as a page has
/// arrived, while the caller commits the one before.
/// </para>
/// <para>
/// Cursor: the newest updated_at seen up to and including a page (UTC, whole seconds, ISO 8601).
/// The next pull asks for <c>updated_at_min</c> = cursor and re-reads that second, which is
/// harmless because the caller upserts.
/// </para>
/// <para>Subscriptions have no list of their own: orders carry them (the app's tags), so
/// <see cref="SubscriptionsSinceAsync"/> yields nothing.</para>
/// </summary>
public sealed partial class ShopifyCartClient : ICartClient, ICheckoutSource
{
    private const string Ascending = "updated_at asc";

    private readonly IShopifyApi _api;
    private readonly ShopifyOptions _options;
    private readonly DateTimeOffset? _tagsSince;
    private readonly ILogger _logger;

    internal ShopifyCartClient(IShopifyApi api, ShopifyOptions options, DateTimeOffset? tagsSince, ILogger logger)
    {
        _api = api;
        _options = options;
        _tagsSince = tagsSince;
        _logger = logger;
    }

    /// <summary>Reads one customer: proves the shop, the token and the read_customers scope.</summary>
    public async Task CheckAsync(CancellationToken ct)
    {
        var response = await _api.FirstPageAsync(_options.ApiVersion, "customers", 1, null, null, Ascending, ct);
        await ReadAsync(response, ShopifyJsonContext.Default.CustomerList, ct);
    }

    public IAsyncEnumerable<CartPage<CartCustomerRecord>> CustomersSinceAsync(string? cursor, CancellationToken ct) =>
        PullAsync("customers", null, cursor, ShopifyJsonContext.Default.CustomerList, ShopifyMapper.MapCustomers, ct);

    public IAsyncEnumerable<CartPage<CartOrderRecord>> OrdersSinceAsync(string? cursor, CancellationToken ct) =>
        PullAsync("orders", "any", cursor, ShopifyJsonContext.Default.OrderList, list => ShopifyMapper.MapOrders(list, _tagsSince), ct);

    public IAsyncEnumerable<CartPage<CartCheckoutRecord>> CheckoutsSinceAsync(string? cursor, CancellationToken ct) =>
        PullAsync("checkouts", null, cursor, ShopifyJsonContext.Default.CheckoutList, ShopifyMapper.MapCheckouts, ct);

    public async IAsyncEnumerable<CartPage<CartSubscriptionRecord>> SubscriptionsSinceAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.CompletedTask;
        yield break;
    }

    /// <summary>The cursor text for an instant: UTC, whole seconds (rounded down), e.g. "2025-01-31T15:00:00Z".</summary>
    public static string FormatCursor(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    private async IAsyncEnumerable<CartPage<T>> PullAsync<TList, T>(string resource, string? status, string? cursor,
        JsonTypeInfo<TList> type, Func<TList, ShopifyMappedPage<T>> map, [EnumeratorCancellation] CancellationToken ct)
        where TList : class
    {
        DateTimeOffset? newest = ShopifyMapper.ParseTime(cursor);
        if (cursor is not null && newest is null)
            _logger.LogWarning("Shopify {Resource}: unreadable cursor '{Cursor}', pulling everything", resource, cursor);
        var since = newest is { } n ? FormatCursor(n) : null;

        using var pullCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task<(TList List, string? Next)>? pending = FetchAsync(
            token => _api.FirstPageAsync(_options.ApiVersion, resource, _options.PageSize, status, since, Ascending, token), type, pullCts.Token);
        var pages = 1;
        try
        {
            while (pending is not null)
            {
                var (list, next) = await pending;
                pending = null;
                if (next is not null && pages < _options.MaxPages)
                {
                    pages++;
                    pending = FetchAsync(token => _api.NextPageAsync(_options.ApiVersion, resource, _options.PageSize, next, token), type, pullCts.Token);
                }
                else if (next is not null)
                {
                    _logger.LogWarning("Shopify {Resource}: stopped at the cap of {MaxPages} pages; the next pull continues from the cursor", resource, _options.MaxPages);
                }

                var page = map(list);
                if (page.MaxUpdatedAt is { } max && (newest is null || max > newest)) newest = max;
                if (page.RowCount > 0)
                    yield return new CartPage<T>(page.Items, page.Skipped, newest is { } c ? FormatCursor(c) : since);
            }
        }
        finally
        {
            await pullCts.CancelAsync();
            if (pending is not null)
            {
                try { await pending; }
                catch (Exception) { /* a page nobody will read; its failure does not matter */ }
            }
        }
    }

    private static async Task<(TList List, string? Next)> FetchAsync<TList>(Func<CancellationToken, Task<HttpResponseMessage>> send,
        JsonTypeInfo<TList> type, CancellationToken ct) where TList : class
    {
        var response = await send(ct);
        var next = NextPageInfo(response);
        return (await ReadAsync(response, type, ct), next);
    }

    /// <summary>Deserializes a list response straight from the socket; any non-2xx left by the retries is an error.</summary>
    private static async Task<TList> ReadAsync<TList>(HttpResponseMessage response, JsonTypeInfo<TList> type, CancellationToken ct)
        where TList : class
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw ShopifyErrors.Unexpected($"GET {response.RequestMessage?.RequestUri?.AbsolutePath}", response.StatusCode);
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                return await JsonSerializer.DeserializeAsync(body, type, ct)
                    ?? throw new HttpRequestException("Shopify answered with an empty body.", null, response.StatusCode);
            }
            catch (JsonException ex)
            {
                throw new HttpRequestException($"Shopify {response.RequestMessage?.RequestUri?.AbsolutePath}: the response was not readable JSON.", ex, response.StatusCode);
            }
        }
    }

    /// <summary>The page_info of the <c>rel="next"</c> link, unescaped (Refit escapes it again), or null on the last page.</summary>
    internal static string? NextPageInfo(HttpResponseMessage response)
    {
        if (!response.Headers.NonValidated.TryGetValues("Link", out var values)) return null;
        foreach (var value in values)
        {
            foreach (Match link in LinkPattern().Matches(value))
            {
                if (!string.Equals(link.Groups["rel"].Value, "next", StringComparison.OrdinalIgnoreCase)) continue;
                var url = link.Groups["url"].Value;
                var query = url.IndexOf('?') is var q and >= 0 ? url[(q + 1)..] : "";
                foreach (var pair in query.Split('&'))
                {
                    if (pair.StartsWith("page_info=", StringComparison.Ordinal))
                        return Uri.UnescapeDataString(pair["page_info=".Length..]);
                }
            }
        }
        return null;
    }

    [GeneratedRegex("""<(?<url>[^>]+)>\s*;\s*rel="?(?<rel>[a-z]+)"?""", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();
}
