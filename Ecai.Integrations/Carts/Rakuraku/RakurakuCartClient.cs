using System.Runtime.CompilerServices;
using System.Text.Json;
using Ecai.Domain.Carts;
using Microsoft.Extensions.Logging;

namespace Ecai.Integrations.Carts.Rakuraku;

/// <summary>
/// Pulls 楽楽リピート orders changed since a cursor through the order search (the only public API [C]).
/// <para>
/// Paging [I]: <c>updated_at_from=cursor</c>, oldest first, <c>limit=500</c> (the cap [C]), pages 1, 2, 3… until a page
/// comes back short. Strictly one request at a time (no parallel calls [C]); the pipeline paces them at one per second.
/// </para>
/// <para>
/// Customers ride on the orders (<see cref="CartOrderRecord.Customer"/>, with birthdays) and subscription states too,
/// so <see cref="CustomersSinceAsync"/> and <see cref="SubscriptionsSinceAsync"/> yield nothing.
/// Cursor: the JST wall clock of the newest updated_at up to and including a page; the next pull re-reads that second,
/// harmless because the caller upserts. Paging is by offset [I]: an order updated while a pull runs can shift the
/// rows behind it by one, so an occasional full pull (cursor null) is the cure for a row missed that way.
/// </para>
/// </summary>
public sealed class RakurakuCartClient : ICartClient
{
    private readonly IRakurakuApi _api;
    private readonly RakurakuOptions _options;
    private readonly ILogger _logger;

    internal RakurakuCartClient(IRakurakuApi api, RakurakuOptions options, ILogger logger)
    {
        _api = api;
        _options = options;
        _logger = logger;
    }

    /// <summary>One search of one row: proves the domain, the approval and the token.</summary>
    public async Task CheckAsync(CancellationToken ct) => await SearchAsync(null, 1, 1, ct);

    public IAsyncEnumerable<CartPage<CartCustomerRecord>> CustomersSinceAsync(string? cursor, CancellationToken ct) =>
        AsyncEnumerable.Empty<CartPage<CartCustomerRecord>>();

    public IAsyncEnumerable<CartPage<CartSubscriptionRecord>> SubscriptionsSinceAsync(string? cursor, CancellationToken ct) =>
        AsyncEnumerable.Empty<CartPage<CartSubscriptionRecord>>();

    public async IAsyncEnumerable<CartPage<CartOrderRecord>> OrdersSinceAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        DateTimeOffset? newest = RakurakuTime.TryParse(cursor, out var since) ? since : null;
        if (cursor is not null && newest is null)
            _logger.LogWarning("楽楽リピート orders: unreadable cursor '{Cursor}', pulling everything", cursor);
        var updatedFrom = newest is { } n ? RakurakuTime.Format(n) : null;

        for (var page = 1; page <= _options.MaxPages; page++)
        {
            var mapped = await SearchAsync(updatedFrom, page, _options.PageSize, ct);
            if (mapped.MaxUpdatedAt is { } max && (newest is null || max > newest)) newest = max;
            if (mapped.RowCount > 0)
                yield return new CartPage<CartOrderRecord>(mapped.Items, mapped.Skipped, newest is { } c ? RakurakuTime.Format(c) : updatedFrom);
            if (mapped.RowCount < _options.PageSize) yield break;
        }
        _logger.LogWarning("楽楽リピート orders: stopped at the cap of {MaxPages} pages; the next pull continues from the cursor", _options.MaxPages);
    }

    private async Task<RakurakuMappedPage> SearchAsync(string? updatedFrom, int page, int limit, CancellationToken ct)
    {
        using var response = await _api.SearchOrdersAsync(updatedFrom, page, limit, ct);
        if (!response.IsSuccessStatusCode) throw RakurakuErrors.Unexpected("GET /v1/orders", response.StatusCode);
        RakurakuOrderSearchResponse? body;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            body = await JsonSerializer.DeserializeAsync(stream, RakurakuJsonContext.Default.RakurakuOrderSearchResponse, ct);
        }
        catch (JsonException ex)
        {
            // 200 but not the order search's JSON: e.g. an HTML page from a proxy, or a login screen.
            throw new HttpRequestException("楽楽リピート GET /v1/orders: the response was not readable JSON.", ex, response.StatusCode);
        }
        return RakurakuMapper.MapOrders(body ?? new RakurakuOrderSearchResponse());
    }
}
