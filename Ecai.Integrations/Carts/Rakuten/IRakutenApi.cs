using Refit;

namespace Ecai.Integrations.Carts.Rakuten;

/// <summary>
/// The 楽天ペイ受注API 2.0 calls ECAI makes (Refit, source-generated); both are POSTs with JSON bodies [C].
/// <c>Authorization: ESA …</c> is added by <see cref="RakutenAuthHandler"/>, never here. The raw response is
/// returned so the client can read MessageModelList on any status.
/// </summary>
internal interface IRakutenApi
{
    [Post("/es/2.0/order/searchOrder/")]
    Task<HttpResponseMessage> SearchOrderAsync([Body] SearchOrderRequest body, CancellationToken ct);

    [Post("/es/2.0/order/getOrder/")]
    Task<HttpResponseMessage> GetOrderAsync([Body] GetOrderRequest body, CancellationToken ct);
}
