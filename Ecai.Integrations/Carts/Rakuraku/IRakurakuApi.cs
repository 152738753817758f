using Refit;

namespace Ecai.Integrations.Carts.Rakuraku;

/// <summary>
/// The 楽楽リピート calls ECAI makes (Refit, source-generated), relative to the API base <c>https://{shop}/api</c> [C].
/// The token path is [I] (not captured; <c>/oauth/token.php</c> by analogy with <c>/oauth/authorize.php</c> [C]);
/// the order-search path and its parameters are [I] modelled. Bearer authentication is added by
/// <see cref="RakurakuAuthHandler"/>, never here. Raw responses: the callers read status codes and stream bodies.
/// </summary>
internal interface IRakurakuApi
{
    /// <summary>[I] OAuth token endpoint, form-encoded (authorization_code and refresh_token grants).</summary>
    [Post("/oauth/token.php")]
    Task<HttpResponseMessage> TokenAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken ct);

    /// <summary>[I] 受注API – 検索: orders updated at or after <paramref name="updatedFrom"/> (JST), oldest first, ≤ 500 per page [C].</summary>
    [Get("/v1/orders")]
    Task<HttpResponseMessage> SearchOrdersAsync(
        [AliasAs("updated_at_from")] string? updatedFrom,
        [AliasAs("page")] int page,
        [AliasAs("limit")] int limit,
        CancellationToken ct);
}
