using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared;
using Microsoft.Extensions.Logging;

namespace Ecai.Integrations.Carts.Repeatst;

/// <summary>
/// Pulls customers, orders and 定期受注 changed since a cursor, page by page through
/// <see cref="PagedPull"/>: <c>updated_from</c> = the cursor as JST wall clock [I], <c>limit</c> =
/// <see cref="CartHttpOptions.PageSize"/>, pages 1, 2, 3… until <c>has_next</c> is false or a page comes back short.
/// </summary>
public sealed class RepeatstCartClient : ICartClient
{
    private const string Cart = "repeatst";
    private const string QueryFormat = "yyyy-MM-dd HH:mm:ss";

    private readonly IRepeatstApi _api;
    private readonly RepeatstOptions _options;
    private readonly ILogger _logger;

    internal RepeatstCartClient(IRepeatstApi api, RepeatstOptions options, ILogger logger)
    {
        _api = api;
        _options = options;
        _logger = logger;
    }

    /// <summary>Reads one customer: proves the domain, the token and the IP allow-list.</summary>
    public async Task CheckAsync(CancellationToken ct) =>
        await CartHttp.ReadAsync(await _api.GetListAsync("customers", null, 1, 1, ct), RepeatstJsonContext.Default.RepeatstCustomerList, Cart, ct);

    public IAsyncEnumerable<CartPage<CartCustomerRecord>> CustomersSinceAsync(string? cursor, CancellationToken ct) =>
        Pull("customers", cursor, async (page, since, token) => RepeatstMapper.MapCustomers(
            await CartHttp.ReadAsync(await Get("customers", page, since, token), RepeatstJsonContext.Default.RepeatstCustomerList, Cart, token)), ct);

    public IAsyncEnumerable<CartPage<CartOrderRecord>> OrdersSinceAsync(string? cursor, CancellationToken ct) =>
        Pull("orders", cursor, async (page, since, token) => RepeatstMapper.MapOrders(
            await CartHttp.ReadAsync(await Get("orders", page, since, token), RepeatstJsonContext.Default.RepeatstOrderList, Cart, token)), ct);

    public IAsyncEnumerable<CartPage<CartSubscriptionRecord>> SubscriptionsSinceAsync(string? cursor, CancellationToken ct) =>
        Pull("teiki_orders", cursor, async (page, since, token) => RepeatstMapper.MapSubscriptions(
            await CartHttp.ReadAsync(await Get("teiki_orders", page, since, token), RepeatstJsonContext.Default.RepeatstTeikiList, Cart, token)), ct);

    private Task<HttpResponseMessage> Get(string resource, int page, DateTimeOffset? since, CancellationToken ct) =>
        _api.GetListAsync(resource, since is { } s ? CartTime.ToJst(s, QueryFormat) : null, page, _options.PageSize, ct);

    private IAsyncEnumerable<CartPage<T>> Pull<T>(string resource, string? cursor, PagedPull.PageFetcher<T> fetch, CancellationToken ct) =>
        PagedPull.RunAsync($"リピスト {resource}", cursor, _options.PageSize, _options.MaxPagesInFlight, _options.MaxPages, fetch, _logger, ct);
}
