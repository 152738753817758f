using Refit;

namespace Ecai.Integrations.Carts.Shopify;

/// <summary>
/// The REST Admin API calls ECAI makes (Refit, source-generated): <c>/admin/api/{version}/{resource}.json</c> [C].
/// The first page takes filters; later pages only <c>limit</c> and the opaque <c>page_info</c> from the
/// previous response's <c>Link</c> header [C] (other filters are refused with it [I]).
/// The access token is added by <see cref="ShopifyAuthHandler"/>, never here. Raw responses: the
/// client reads the Link header and streams the body itself.
/// </summary>
internal interface IShopifyApi
{
    /// <summary>
    /// First page of customers, orders or checkouts. <paramref name="order"/> "updated_at asc" keeps the
    /// pages in the cursor's order [I] (orders.json documents <c>order</c> only by example).
    /// </summary>
    [Get("/admin/api/{version}/{resource}.json")]
    Task<HttpResponseMessage> FirstPageAsync(
        string version,
        string resource,
        [AliasAs("limit")] int limit,
        [AliasAs("status")] string? status,
        [AliasAs("updated_at_min")] string? updatedAtMin,
        [AliasAs("order")] string order,
        CancellationToken ct);

    /// <summary>A later page: only <c>limit</c> and <c>page_info</c> [C].</summary>
    [Get("/admin/api/{version}/{resource}.json")]
    Task<HttpResponseMessage> NextPageAsync(
        string version,
        string resource,
        [AliasAs("limit")] int limit,
        [AliasAs("page_info")] string pageInfo,
        CancellationToken ct);
}
