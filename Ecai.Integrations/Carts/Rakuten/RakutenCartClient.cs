using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ecai.Domain.Carts;
using Microsoft.Extensions.Logging;

namespace Ecai.Integrations.Carts.Rakuten;

/// <summary>
/// Pulls a Rakuten shop's orders through searchOrder (order numbers by 注文日, in windows) and getOrder
/// (the orders, ≤ 100 per call, version 7). RMS has no customer list: buyers ride on the orders, and
/// <see cref="CustomersSinceAsync"/> / <see cref="SubscriptionsSinceAsync"/> yield nothing.
/// <para>
/// Requests are strictly sequential and paced by <see cref="RakutenPacer"/>. Each getOrder batch is
/// one page whose cursor says how far the walk got (see <see cref="RakutenCursor"/>); a window with no
/// orders yields an empty page that only moves the cursor.
/// </para>
/// <para>
/// Errors: an ERROR entry in MessageModelList (RMS answers business errors with HTTP 200 [I, R1]) stops the
/// pull with <see cref="CartConnectionException"/>, except getOrder entries naming one order, which skip that
/// order. 401/403/404 are turned into operator messages by <see cref="RakutenAuthHandler"/>.
/// </para>
/// </summary>
public sealed class RakutenCartClient : ICartClient
{
    private const int DateTypeOrderDate = 1;   // 注文日 [C]
    private const int SortByOrderDatetime = 1; // [C]
    private const int Ascending = 1;           // [C]
    private const int OrderVersion = 7;        // SKU-era fields [C]
    private const int CheckRecords = 30;       // [I] the smallest page RMS is said to accept

    private readonly IRakutenApi _api;
    private readonly CartEndpoint _endpoint;
    private readonly RakutenOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    internal RakutenCartClient(IRakutenApi api, CartEndpoint endpoint, RakutenOptions options, TimeProvider clock, ILogger logger)
    {
        _api = api;
        _endpoint = endpoint;
        _options = options;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>One searchOrder over the last day: proves the keys and that searchOrder is enabled.</summary>
    public async Task CheckAsync(CancellationToken ct)
    {
        var now = RakutenTime.TruncateToSecond(_clock.GetUtcNow());
        await SearchAsync(now.AddDays(-1), now, 1, CheckRecords, ct);
    }

    public async IAsyncEnumerable<CartPage<CartCustomerRecord>> CustomersSinceAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.CompletedTask;
        yield break;
    }

    public async IAsyncEnumerable<CartPage<CartSubscriptionRecord>> SubscriptionsSinceAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.CompletedTask;
        yield break;
    }

    public async IAsyncEnumerable<CartPage<CartOrderRecord>> OrdersSinceAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        var now = RakutenTime.TruncateToSecond(_clock.GetUtcNow());
        var start = RakutenCursor.Start(cursor, _endpoint.ConnectedAt, now, _options, out var unreadable);
        if (unreadable)
            _logger.LogWarning("Rakuten connection {ConnectionId}: unreadable cursor '{Cursor}', walking the history again", _endpoint.ConnectionId, cursor);

        var any = false;
        foreach (var (from, to) in RakutenCursor.Windows(start.From, now, _options.WindowDays))
        {
            var afterWindow = to < now ? RakutenCursor.Walk(new RakutenPosition(to.AddSeconds(1), 1, 0)) : RakutenCursor.Done(now);
            var resuming = from == start.From;
            var page = resuming ? start.Page : 1;
            var skip = resuming ? start.Done : 0;
            var yielded = false;
            while (true)
            {
                var search = await SearchAsync(from, to, page, _options.PageSize, ct);
                var numbers = search.OrderNumberList ?? [];
                var lastPage = numbers.Count < _options.PageSize || page >= (search.Pagination?.TotalPages ?? page);
                for (var i = skip; i < numbers.Count; i += _options.BatchSize)
                {
                    var batch = numbers.GetRange(i, Math.Min(_options.BatchSize, numbers.Count - i));
                    var done = i + batch.Count;
                    var (items, skipped) = await GetOrdersAsync(batch, ct);
                    var next = done < numbers.Count ? RakutenCursor.Walk(new RakutenPosition(from, page, done))
                        : !lastPage ? RakutenCursor.Walk(new RakutenPosition(from, page + 1, 0))
                        : afterWindow;
                    yielded = any = true;
                    yield return new CartPage<CartOrderRecord>(items, skipped, next);
                }
                skip = 0;
                if (lastPage) break;
                page++;
            }
            // Nothing to commit in this window: a page that only moves the cursor past it.
            if (!yielded)
            {
                any = true;
                yield return new CartPage<CartOrderRecord>([], [], afterWindow);
            }
        }
        if (!any) yield return new CartPage<CartOrderRecord>([], [], RakutenCursor.Done(now));
    }

    private async Task<SearchOrderResponse> SearchAsync(DateTimeOffset from, DateTimeOffset to, int page, int records, CancellationToken ct)
    {
        var body = new SearchOrderRequest(DateTypeOrderDate, RakutenTime.ToWire(from), RakutenTime.ToWire(to),
            new PaginationRequestModel(records, page, [new SortModel(SortByOrderDatetime, Ascending)]));
        var response = await ReadAsync(await _api.SearchOrderAsync(body, ct), "searchOrder", RakutenJsonContext.Default.SearchOrderResponse, ct);
        ThrowOnError(response.MessageModelList, perOrder: false);
        return response;
    }

    private async Task<(List<CartOrderRecord> Items, List<SkippedRecord> Skipped)> GetOrdersAsync(List<string> numbers, CancellationToken ct)
    {
        var response = await ReadAsync(await _api.GetOrderAsync(new GetOrderRequest(numbers, OrderVersion), ct),
            "getOrder", RakutenJsonContext.Default.GetOrderResponse, ct);
        ThrowOnError(response.MessageModelList, perOrder: true);
        var (items, skipped) = RakutenMapper.MapOrders(response.OrderModelList ?? []);

        // Numbers the search found but getOrder did not return: reported, with RMS's word where it gave one.
        var returned = new HashSet<string>((response.OrderModelList ?? []).Select(o => o.OrderNumber?.Trim() ?? ""), StringComparer.Ordinal);
        foreach (var number in numbers.Where(n => !returned.Contains(n)))
        {
            var message = response.MessageModelList?.FirstOrDefault(m => m.OrderNumber?.Trim() == number);
            skipped.Add(new SkippedRecord(number, message?.Message is { } text
                ? $"getOrderがエラーを返しました: {text.Trim()}"
                : "getOrderが受注を返しませんでした"));
        }
        return (items, skipped);
    }

    /// <summary>ERROR entries stop the pull, except (getOrder) those about one order, which skip it.</summary>
    private static void ThrowOnError(List<MessageModel>? messages, bool perOrder)
    {
        var error = messages?.FirstOrDefault(m =>
            string.Equals(m.MessageType?.Trim(), "ERROR", StringComparison.OrdinalIgnoreCase) && !(perOrder && !string.IsNullOrWhiteSpace(m.OrderNumber)));
        if (error is not null) throw RakutenErrors.Business(error.MessageCode, error.Message);
    }

    /// <summary>Deserializes the body straight from the socket; a non-2xx left after retries is an error.</summary>
    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string what, JsonTypeInfo<T> type, CancellationToken ct)
        where T : class
    {
        using (response)
        {
            T? parsed;
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                parsed = await JsonSerializer.DeserializeAsync(body, type, ct);
            }
            catch (JsonException ex)
            {
                throw new HttpRequestException($"Rakuten RMS {what}: the response was not readable JSON.", ex,
                    response.IsSuccessStatusCode ? HttpStatusCode.OK : response.StatusCode);
            }
            if (!response.IsSuccessStatusCode)
            {
                // A 4xx with an ERROR entry is the cart's business error (e.g. a bad parameter) [I].
                if ((int)response.StatusCode is >= 400 and < 500 && parsed is SearchOrderResponse s) ThrowOnError(s.MessageModelList, false);
                if ((int)response.StatusCode is >= 400 and < 500 && parsed is GetOrderResponse g) ThrowOnError(g.MessageModelList, false);
                throw RakutenErrors.Unexpected(what, response.StatusCode);
            }
            return parsed ?? throw new HttpRequestException($"Rakuten RMS {what}: empty response.", null, response.StatusCode);
        }
    }
}
