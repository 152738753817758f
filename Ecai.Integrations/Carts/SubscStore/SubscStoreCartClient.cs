using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared;
using Microsoft.Extensions.Logging;

namespace Ecai.Integrations.Carts.SubscStore;

/// <summary>
/// Pulls customers, orders and subscriptions changed since a cursor, page by page through
/// <see cref="PagedPull"/>: <c>updatedAtFrom</c> = the cursor as ISO 8601 in JST [I], <c>perPage</c> =
/// <see cref="CartHttpOptions.PageSize"/>, pages 1, 2, 3… until <c>pagination.totalPages</c> or a short page.
/// </summary>
public sealed class SubscStoreCartClient : ICartClient
{
    private const string Cart = "subscstore";
    private const string QueryFormat = "yyyy-MM-dd'T'HH:mm:ss'+09:00'";

    private readonly ISubscStoreApi _api;
    private readonly SubscStoreOptions _options;
    private readonly ILogger _logger;

    internal SubscStoreCartClient(ISubscStoreApi api, SubscStoreOptions options, ILogger logger)
    {
        _api = api;
        _options = options;
        _logger = logger;
    }

    /// <summary>Exchanges the credentials (or reuses the token) and reads one customer.</summary>
    public async Task CheckAsync(CancellationToken ct) =>
        await CartHttp.ReadAsync(await _api.GetListAsync("customers", null, 1, 1, ct), SubscStoreJsonContext.Default.SubscStoreListSubscStoreCustomer, Cart, ct);

    public IAsyncEnumerable<CartPage<CartCustomerRecord>> CustomersSinceAsync(string? cursor, CancellationToken ct) =>
        Pull("customers", cursor, async (page, since, token) => SubscStoreMapper.MapCustomers(
            await CartHttp.ReadAsync(await Get("customers", page, since, token), SubscStoreJsonContext.Default.SubscStoreListSubscStoreCustomer, Cart, token)), ct);

    public IAsyncEnumerable<CartPage<CartOrderRecord>> OrdersSinceAsync(string? cursor, CancellationToken ct) =>
        Pull("orders", cursor, async (page, since, token) => SubscStoreMapper.MapOrders(
            await CartHttp.ReadAsync(await Get("orders", page, since, token), SubscStoreJsonContext.Default.SubscStoreListSubscStoreOrder, Cart, token)), ct);

    public IAsyncEnumerable<CartPage<CartSubscriptionRecord>> SubscriptionsSinceAsync(string? cursor, CancellationToken ct) =>
        Pull("subscriptions", cursor, async (page, since, token) => SubscStoreMapper.MapSubscriptions(
            await CartHttp.ReadAsync(await Get("subscriptions", page, since, token), SubscStoreJsonContext.Default.SubscStoreListSubscStoreSubscription, Cart, token)), ct);

    private Task<HttpResponseMessage> Get(string resource, int page, DateTimeOffset? since, CancellationToken ct) =>
        _api.GetListAsync(resource, since is { } s ? CartTime.ToJst(s, QueryFormat) : null, page, _options.PageSize, ct);

    private IAsyncEnumerable<CartPage<T>> Pull<T>(string resource, string? cursor, PagedPull.PageFetcher<T> fetch, CancellationToken ct) =>
        PagedPull.RunAsync($"サブスクストア {resource}", cursor, _options.PageSize, _options.MaxPagesInFlight, _options.MaxPages, fetch, _logger, ct);
}
